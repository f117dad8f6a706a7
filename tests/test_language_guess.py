"""The language of a transcript that names none: by script (Cyrillic, kana, Hangul, Han) and, for the
Latin letters, by which language's commonest words the text uses most."""

from __future__ import annotations

import pytest

from interview_publish.project import guess_language, transcript_language

SAMPLES = {
    "en": "Well, I think that the shop was the first thing we had, and it was not easy for us. What did you do "
          "with it? We fixed the clocks that they brought in, and we were happy with that for years.",
    "fr": "Je pense que le magasin était la première chose que nous avions, et ce n'est pas facile pour nous. "
          "Qu'est-ce que vous avez fait avec il ? Nous avons réparé les horloges que les gens nous apportaient.",
    "de": "Ich glaube, dass der Laden das Erste war, was wir hatten, und es war nicht leicht für uns. Was haben "
          "Sie damit gemacht? Wir haben die Uhren repariert, die die Leute zu uns brachten, und es war gut.",
    "es": "Creo que la tienda fue lo primero que tuvimos, y no fue fácil para nosotros. ¿Qué hizo con ella? "
          "Reparamos los relojes que la gente nos traía, y estuvimos contentos con eso durante años.",
    "it": "Penso che il negozio sia stata la prima cosa che abbiamo avuto, e non è stato facile per noi. Che cosa "
          "ha fatto con questo? Abbiamo riparato gli orologi che la gente ci portava, ed eravamo contenti.",
    "pt": "Eu acho que a loja foi a primeira coisa que tivemos, e não foi fácil para nós. O que você fez com ela? "
          "Nós consertamos os relógios que as pessoas traziam, e ficamos contentes com isso por anos.",
    "nl": "Ik denk dat de winkel het eerste was wat we hadden, en het was niet makkelijk voor ons. Wat heb je er "
          "mee gedaan? We hebben de klokken gerepareerd die de mensen brachten, en dat was ook goed.",
    "ru": "Я думаю, что мастерская была первым, что у нас было, и это было нелегко.",
    "ja": "私たちが最初に持っていたのは店でした。それは簡単ではありませんでした。",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_language_is_guessed(language):
    assert guess_language(SAMPLES[language]) == language


def test_a_few_words_are_english_and_the_setting_wins_in_its_own_script():
    assert guess_language("Hola, gracias.") == "en"  # too short to tell
    assert transcript_language(SAMPLES["fr"], "fr-CA") == "fr-CA"
    assert transcript_language(SAMPLES["ru"], "en") == "ru"
