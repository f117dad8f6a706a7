"""The few words the theme prints itself, in the publication's language (English when unknown)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {"index": "Index", "about the interviewees": "About the interviewees", "first published": "First published", "corrections": "Corrections to the transcript", "downloads": "Downloads", "catalog": "OPDS catalog for e-reader apps", "skip to content": "Skip to content", "link to this passage": "Link to this passage", "cover": "Cover", "pages": "Pages", "interviewer": "Interviewer", "interviewee": "Interviewee", "other": "Speaker",
           "an interview with": "An interview with", "contents": "Contents", "title page": "Title page",
           "start of content": "Start of content", "landmarks": "Landmarks", "published by": "Published by",
           "colophon": "Colophon", "set in": "Set in Charis SIL. Made with"},
    "ru": {"index": "Указатель имён", "about the interviewees": "Об участниках", "first published": "Впервые опубликовано", "corrections": "Исправления в расшифровке", "downloads": "Скачать", "catalog": "Каталог OPDS для читалок", "skip to content": "К тексту", "link to this passage": "Ссылка на этот фрагмент", "cover": "Обложка", "pages": "Страницы", "interviewer": "Корреспондент", "interviewee": "Собеседник", "other": "Участник",
           "an interview with": "Интервью с", "contents": "Содержание", "title page": "Титульная страница",
           "start of content": "Начало текста", "landmarks": "Ориентиры", "published by": "Издатель:",
           "colophon": "Выходные сведения", "set in": "Набрано шрифтом Charis SIL. Сделано в"},
    "de": {"index": "Register", "about the interviewees": "Über die Gesprächspartner", "first published": "Erstveröffentlichung", "corrections": "Korrekturen am Transkript", "downloads": "Downloads", "catalog": "OPDS-Katalog für E-Reader-Apps", "skip to content": "Zum Inhalt springen", "link to this passage": "Link zu dieser Stelle", "cover": "Umschlag", "pages": "Seiten", "interviewer": "Interviewer", "interviewee": "Gesprächspartner", "other": "Sprecher",
           "an interview with": "Ein Interview mit", "contents": "Inhalt", "title page": "Titelseite",
           "start of content": "Beginn des Textes", "landmarks": "Orientierung", "published by": "Verlag:",
           "colophon": "Impressum", "set in": "Gesetzt aus der Charis SIL. Erstellt mit"},
    "fr": {"index": "Index", "about the interviewees": "À propos des personnes interviewées", "first published": "Première publication", "corrections": "Corrections de la transcription", "downloads": "Téléchargements", "catalog": "Catalogue OPDS pour liseuses", "skip to content": "Aller au contenu", "link to this passage": "Lien vers ce passage", "cover": "Couverture", "pages": "Pages", "interviewer": "Intervieweur", "interviewee": "Interviewé", "other": "Intervenant",
           "an interview with": "Un entretien avec", "contents": "Sommaire", "title page": "Page de titre",
           "start of content": "Début du texte", "landmarks": "Repères", "published by": "Publié par",
           "colophon": "Colophon", "set in": "Composé en Charis SIL. Réalisé avec"},
    "es": {"index": "Índice onomástico", "about the interviewees": "Sobre los entrevistados", "first published": "Publicado por primera vez", "corrections": "Correcciones a la transcripción", "downloads": "Descargas", "catalog": "Catálogo OPDS para lectores", "skip to content": "Saltar al contenido", "link to this passage": "Enlace a este pasaje", "cover": "Cubierta", "pages": "Páginas", "interviewer": "Entrevistador", "interviewee": "Entrevistado", "other": "Participante",
           "an interview with": "Una entrevista con", "contents": "Índice", "title page": "Portada",
           "start of content": "Inicio del texto", "landmarks": "Puntos de referencia", "published by": "Publicado por",
           "colophon": "Colofón", "set in": "Compuesto en Charis SIL. Hecho con"},
}


def translator(language: str):
    """A function giving the theme's word for a key, in the publication's language or the one given
    (its base language, else English)."""

    def translate(key: str, lang: str | None = None) -> str:
        table = STRINGS.get((lang or language).split("-")[0].lower(), STRINGS["en"])
        return table.get(key, STRINGS["en"].get(key, key))

    return translate
