"""The default theme's templates as Jinja compiles them to Python for the themes' environment
(sandbox.py): each template's module as a function that makes its names, so that a build neither
parses nor compiles them again. Made by scripts/compile-theme from templates/: do not edit. A
template whose source differs, or another Jinja, is compiled as usual.
"""
# ruff: noqa

SETTINGS = "('3.1.6', True, False, True, True, None, True, True, True, '\\n', '{%', '%}', '{{', '}}', '{#', '#}', None, None, [], [('abs', 'None'), ('attr', '_PassArg.environment'), ('batch', 'None'), ('capitalize', 'None'), ('center', 'None'), ('count', 'None'), ('d', 'None'), ('default', 'None'), ('dictsort', 'None'), ('e', 'None'), ('escape', 'None'), ('filesizeformat', 'None'), ('first', '_PassArg.environment'), ('float', 'None'), ('forceescape', 'None'), ('format', 'None'), ('groupby', '_PassArg.environment'), ('indent', 'None'), ('inlines', 'None'), ('int', 'None'), ('items', 'None'), ('join', '_PassArg.eval_context'), ('last', '_PassArg.environment'), ('length', 'None'), ('list', '_PassArg.eval_context'), ('lower', 'None'), ('map', '_PassArg.context'), ('max', '_PassArg.environment'), ('min', '_PassArg.environment'), ('pprint', 'None'), ('random', '_PassArg.context'), ('reject', '_PassArg.context'), ('rejectattr', '_PassArg.context'), ('replace', '_PassArg.eval_context'), ('reverse', 'None'), ('round', 'None'), ('safe', 'None'), ('select', '_PassArg.context'), ('selectattr', '_PassArg.context'), ('slice', '_PassArg.eval_context'), ('sort', '_PassArg.environment'), ('string', 'None'), ('striptags', 'None'), ('sum', '_PassArg.environment'), ('title', 'None'), ('tojson', '_PassArg.eval_context'), ('trim', 'None'), ('truncate', '_PassArg.environment'), ('unique', '_PassArg.environment'), ('upper', 'None'), ('urlencode', 'None'), ('urlize', '_PassArg.eval_context'), ('wordcount', 'None'), ('wordwrap', '_PassArg.environment'), ('xmlattr', '_PassArg.eval_context')], [('!=', 'None'), ('<', 'None'), ('<=', 'None'), ('==', 'None'), ('>', 'None'), ('>=', 'None'), ('boolean', 'None'), ('callable', 'None'), ('defined', 'None'), ('divisibleby', 'None'), ('eq', 'None'), ('equalto', 'None'), ('escaped', 'None'), ('even', 'None'), ('false', 'None'), ('filter', '_PassArg.environment'), ('float', 'None'), ('ge', 'None'), ('greaterthan', 'None'), ('gt', 'None'), ('in', 'None'), ('integer', 'None'), ('iterable', 'None'), ('le', 'None'), ('lessthan', 'None'), ('lower', 'None'), ('lt', 'None'), ('mapping', 'None'), ('ne', 'None'), ('none', 'None'), ('number', 'None'), ('odd', 'None'), ('sameas', 'None'), ('sequence', 'None'), ('string', 'None'), ('test', '_PassArg.environment'), ('true', 'None'), ('undefined', 'None'), ('upper', 'None')], [], [])"


def _template_0(environment):  # epub/base.xhtml.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'epub/base.xhtml.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_meta = resolve('meta')
        l_0_stylesheet = resolve('stylesheet')
        pass
        yield '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'language'))
        yield '" xml:lang="'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'language'))
        yield '">\n<head>\n<meta charset="utf-8"/>\n<title>'
        yield from context.blocks['title'][0](context)
        yield '</title>\n<link rel="stylesheet" type="text/css" href="'
        yield escape((undefined(name='stylesheet') if l_0_stylesheet is missing else l_0_stylesheet))
        yield '"/>\n</head>\n<body'
        yield from context.blocks['body_attrs'][0](context)
        yield '>\n'
        yield from context.blocks['body'][0](context)
        yield '</body>\n</html>\n'

    def block_title(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_meta = resolve('meta')
        pass
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'title'))

    def block_body_attrs(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass

    def block_body(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass

    blocks = {'title': block_title, 'body_attrs': block_body_attrs, 'body': block_body}
    debug_info = '3=14&6=18&7=20&9=22&10=24&6=27&9=38&10=47'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_1(environment):  # epub/chapter.xhtml.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'epub/chapter.xhtml.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('epub/base.xhtml.j2', 'epub/chapter.xhtml.j2')
        for name, parent_block in parent_template.blocks.items():
            context.blocks.setdefault(name, []).append(parent_block)
        yield from parent_template.root_render_func(context)

    def block_title(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_interview = resolve('interview')
        pass
        yield escape(environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'title'))

    def block_body_attrs(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass
        yield ' epub:type="bodymatter"'

    def block_body(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_level = missing
        pass
        l_0_level = 1
        _block_vars['level'] = l_0_level
        template = environment.get_template('partials/interview.html.j2', 'epub/chapter.xhtml.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'level': l_0_level}))
        try:
            for event in gen:
                yield event
        finally: gen.close()

    blocks = {'title': block_title, 'body_attrs': block_body_attrs, 'body': block_body}
    debug_info = '1=12&2=17&3=28&4=38&5=47&6=49'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_2(environment):  # epub/copyright.xhtml.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'epub/copyright.xhtml.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('epub/base.xhtml.j2', 'epub/copyright.xhtml.j2')
        for name, parent_block in parent_template.blocks.items():
            context.blocks.setdefault(name, []).append(parent_block)
        yield from parent_template.root_render_func(context)

    def block_body_attrs(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass
        yield ' class="copyright-doc"'

    def block_body(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_t = resolve('t')
        pass
        yield '<section class="colophon" epub:type="copyright-page" aria-label="'
        yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'colophon', _block_vars=_block_vars))
        yield '">\n'
        template = environment.get_template('partials/colophon.html.j2', 'epub/copyright.xhtml.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '</section>\n'

    blocks = {'body_attrs': block_body_attrs, 'body': block_body}
    debug_info = '1=12&2=17&3=27&4=37&5=39'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_3(environment):  # epub/cover.xhtml.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'epub/cover.xhtml.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('epub/base.xhtml.j2', 'epub/cover.xhtml.j2')
        for name, parent_block in parent_template.blocks.items():
            context.blocks.setdefault(name, []).append(parent_block)
        yield from parent_template.root_render_func(context)

    def block_body_attrs(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass
        yield ' class="cover-doc"'

    def block_body(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_t = resolve('t')
        l_0_image = resolve('image')
        l_0_alt = resolve('alt')
        pass
        yield '<section class="cover" epub:type="cover" aria-label="'
        yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'cover', _block_vars=_block_vars))
        yield '">\n<img src="'
        yield escape((undefined(name='image') if l_0_image is missing else l_0_image))
        yield '" alt="'
        yield escape((undefined(name='alt') if l_0_alt is missing else l_0_alt))
        yield '" role="doc-cover"/>\n</section>\n'

    blocks = {'body_attrs': block_body_attrs, 'body': block_body}
    debug_info = '1=12&2=17&3=27&4=39&5=41'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_4(environment):  # epub/index.xhtml.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'epub/index.xhtml.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('epub/base.xhtml.j2', 'epub/index.xhtml.j2')
        for name, parent_block in parent_template.blocks.items():
            context.blocks.setdefault(name, []).append(parent_block)
        yield from parent_template.root_render_func(context)

    def block_title(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_t = resolve('t')
        pass
        yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'index', _block_vars=_block_vars))

    def block_body_attrs(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass
        yield ' epub:type="backmatter"'

    def block_body(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_level = missing
        pass
        l_0_level = 1
        _block_vars['level'] = l_0_level
        template = environment.get_template('partials/index.html.j2', 'epub/index.xhtml.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'level': l_0_level}))
        try:
            for event in gen:
                yield event
        finally: gen.close()

    blocks = {'title': block_title, 'body_attrs': block_body_attrs, 'body': block_body}
    debug_info = '1=12&2=17&3=28&4=38&5=47&6=49'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_5(environment):  # epub/matter.xhtml.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'epub/matter.xhtml.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('epub/base.xhtml.j2', 'epub/matter.xhtml.j2')
        for name, parent_block in parent_template.blocks.items():
            context.blocks.setdefault(name, []).append(parent_block)
        yield from parent_template.root_render_func(context)

    def block_title(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_matter = resolve('matter')
        pass
        yield escape(environment.getattr((undefined(name='matter') if l_0_matter is missing else l_0_matter), 'title'))

    def block_body_attrs(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_placement = resolve('placement')
        pass
        yield ' epub:type="'
        yield escape((undefined(name='placement') if l_0_placement is missing else l_0_placement))
        yield '"'

    def block_body(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_level = missing
        pass
        l_0_level = 1
        _block_vars['level'] = l_0_level
        template = environment.get_template('partials/matter.html.j2', 'epub/matter.xhtml.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'level': l_0_level}))
        try:
            for event in gen:
                yield event
        finally: gen.close()

    blocks = {'title': block_title, 'body_attrs': block_body_attrs, 'body': block_body}
    debug_info = '1=12&2=17&3=28&4=41&5=50&6=52'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_6(environment):  # epub/nav.xhtml.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'epub/nav.xhtml.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('epub/base.xhtml.j2', 'epub/nav.xhtml.j2')
        for name, parent_block in parent_template.blocks.items():
            context.blocks.setdefault(name, []).append(parent_block)
        yield from parent_template.root_render_func(context)

    def block_title(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_t = resolve('t')
        pass
        yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'contents', _block_vars=_block_vars))

    def block_body(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_t = resolve('t')
        l_0_toc = resolve('toc')
        l_0_landmarks = resolve('landmarks')
        l_0_pages = resolve('pages')
        pass
        yield '<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title">\n<h1 id="toc-title">'
        yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'contents', _block_vars=_block_vars))
        yield '</h1>\n<ol>\n'
        for l_1_entry in (undefined(name='toc') if l_0_toc is missing else l_0_toc):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape(environment.getattr(l_1_entry, 'href'))
            yield '">'
            yield escape(environment.getattr(l_1_entry, 'title'))
            yield '</a>'
            if environment.call(context, environment.getattr(l_1_entry, 'get'), 'children', _loop_vars=_loop_vars):
                pass
                yield '<ol>\n'
                for l_2_child in environment.getattr(l_1_entry, 'children'):
                    _loop_vars = {}
                    pass
                    yield '<li><a href="'
                    yield escape(environment.getattr(l_2_child, 'href'))
                    yield '">'
                    yield escape(environment.getattr(l_2_child, 'title'))
                    yield '</a></li>\n'
                l_2_child = missing
                yield '</ol>\n'
            yield '</li>\n'
        l_1_entry = missing
        yield '</ol>\n</nav>\n<nav epub:type="landmarks" id="landmarks" hidden="hidden" aria-labelledby="landmarks-title">\n<h2 id="landmarks-title">'
        yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'landmarks', _block_vars=_block_vars))
        yield '</h2>\n<ol>\n'
        for l_1_entry in (undefined(name='landmarks') if l_0_landmarks is missing else l_0_landmarks):
            _loop_vars = {}
            pass
            yield '<li><a epub:type="'
            yield escape(environment.getattr(l_1_entry, 'type'))
            yield '" href="'
            yield escape(environment.getattr(l_1_entry, 'href'))
            yield '">'
            yield escape(environment.getattr(l_1_entry, 'title'))
            yield '</a></li>\n'
        l_1_entry = missing
        yield '</ol>\n</nav>\n'
        if (undefined(name='pages') if l_0_pages is missing else l_0_pages):
            pass
            yield '<nav epub:type="page-list" id="page-list" role="doc-pagelist" hidden="hidden" aria-labelledby="page-list-title">\n<h2 id="page-list-title">'
            yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'pages', _block_vars=_block_vars))
            yield '</h2>\n<ol>\n'
            for l_1_entry in (undefined(name='pages') if l_0_pages is missing else l_0_pages):
                _loop_vars = {}
                pass
                yield '<li><a href="'
                yield escape(environment.getattr(l_1_entry, 'href'))
                yield '">'
                yield escape(environment.getattr(l_1_entry, 'label'))
                yield '</a></li>\n'
            l_1_entry = missing
            yield '</ol>\n</nav>\n'

    blocks = {'title': block_title, 'body': block_body}
    debug_info = '1=12&2=17&3=28&5=41&7=43&8=47&10=54&11=58&19=67&21=69&22=73&26=81&28=84&30=86&31=90'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_7(environment):  # epub/part.xhtml.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'epub/part.xhtml.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('epub/base.xhtml.j2', 'epub/part.xhtml.j2')
        for name, parent_block in parent_template.blocks.items():
            context.blocks.setdefault(name, []).append(parent_block)
        yield from parent_template.root_render_func(context)

    def block_title(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_part = resolve('part')
        pass
        yield escape(environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'title'))

    def block_body_attrs(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass
        yield ' epub:type="bodymatter"'

    def block_body(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_level = missing
        pass
        l_0_level = 1
        _block_vars['level'] = l_0_level
        template = environment.get_template('partials/part.html.j2', 'epub/part.xhtml.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'level': l_0_level}))
        try:
            for event in gen:
                yield event
        finally: gen.close()

    blocks = {'title': block_title, 'body_attrs': block_body_attrs, 'body': block_body}
    debug_info = '1=12&2=17&3=28&4=38&5=47&6=49'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_8(environment):  # epub/titlepage.xhtml.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'epub/titlepage.xhtml.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        parent_template = None
        pass
        parent_template = environment.get_template('epub/base.xhtml.j2', 'epub/titlepage.xhtml.j2')
        for name, parent_block in parent_template.blocks.items():
            context.blocks.setdefault(name, []).append(parent_block)
        yield from parent_template.root_render_func(context)

    def block_body_attrs(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass
        yield ' class="titlepage-doc"'

    def block_body(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_t = resolve('t')
        pass
        yield '<section class="titlepage" epub:type="titlepage" aria-label="'
        yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'title page', _block_vars=_block_vars))
        yield '">\n'
        template = environment.get_template('partials/titlepage.html.j2', 'epub/titlepage.xhtml.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '</section>\n'

    blocks = {'body_attrs': block_body_attrs, 'body': block_body}
    debug_info = '1=12&2=17&3=27&4=37&5=39'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_9(environment):  # html/landing.html.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'html/landing.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_meta = resolve('meta')
        l_0_generator = resolve('generator')
        l_0_css = resolve('css')
        l_0_t = resolve('t')
        l_0_cover = resolve('cover')
        l_0_creators = resolve('creators')
        l_0_downloads = resolve('downloads')
        pass
        yield '<!DOCTYPE html>\n<html lang="'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'language'))
        yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'title'))
        yield '</title>\n'
        if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'description'):
            pass
            yield '<meta name="description" content="'
            yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'description'))
            yield '">\n'
        yield '<meta name="generator" content="'
        yield escape((undefined(name='generator') if l_0_generator is missing else l_0_generator))
        yield '">\n<link rel="alternate" type="application/atom+xml;profile=opds-catalog;kind=acquisition" href="catalog.xml" title="OPDS catalog">\n<style>\n'
        yield escape((undefined(name='css') if l_0_css is missing else l_0_css))
        yield '\n.landing { max-width: 36rem; margin: 0 auto; }\n.landing .cover { float: none; margin: 0 auto 2rem; max-width: 16rem; }\n.landing .cover img { display: block; width: 100%; height: auto; border: 1px solid var(--rule); }\n.downloads { list-style: none; padding: 0; margin: 2rem 0; }\n.downloads li { margin: 0 0 1rem; padding: 0.8rem 1rem; border: 1px solid var(--rule); }\n.downloads a { font-weight: bold; }\n.downloads .meta { display: block; color: var(--muted); font-size: 0.85rem; }\n</style>\n</head>\n<body>\n<a class="skip-link" href="#main">'
        yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'skip to content'))
        yield '</a>\n<main id="main" class="landing">\n<figure class="cover">\n<img src="'
        yield escape((undefined(name='cover') if l_0_cover is missing else l_0_cover))
        yield '" alt="'
        yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'cover'))
        yield ': '
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'title'))
        yield '" width="1600" height="2560">\n</figure>\n<h1 class="book-title">'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'title'))
        yield '</h1>\n'
        if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'subtitle'):
            pass
            yield '<p class="book-subtitle">'
            yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'subtitle'))
            yield '</p>\n'
        def t_1(fiter):
            for l_1_person in fiter:
                if (environment.getattr(l_1_person, 'role') == 'interviewee'):
                    yield l_1_person
        l_1_loop = missing
        for l_1_person, l_1_loop in LoopContext(t_1((undefined(name='creators') if l_0_creators is missing else l_0_creators)), undefined):
            _loop_vars = {}
            pass
            if environment.getattr(l_1_loop, 'first'):
                pass
                yield '<p class="book-people">'
            else:
                pass
                yield ', '
            yield escape(environment.getattr(l_1_person, 'name'))
            if environment.getattr(l_1_loop, 'last'):
                pass
                yield '</p>'
        l_1_loop = l_1_person = missing
        if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'description'):
            pass
            yield '<p class="standfirst">'
            yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'description'))
            yield '</p>\n'
        yield '<h2>'
        yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'downloads'))
        yield '</h2>\n<ul class="downloads">\n'
        for l_1_file in (undefined(name='downloads') if l_0_downloads is missing else l_0_downloads):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape(environment.getattr(l_1_file, 'name'))
            yield '" type="'
            yield escape(environment.getattr(l_1_file, 'type'))
            yield '" download>'
            yield escape(environment.getattr(l_1_file, 'label'))
            yield '</a> <span class="meta">'
            yield escape(environment.getattr(l_1_file, 'purpose'))
            yield ' · '
            yield escape(environment.getattr(l_1_file, 'size'))
            yield '</span></li>\n'
        l_1_file = missing
        yield '</ul>\n<p><a href="catalog.xml">'
        yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'catalog'))
        yield '</a></p>\n</main>\n<footer class="colophon">\n'
        template = environment.get_template('partials/colophon.html.j2', 'html/landing.html.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '</footer>\n</body>\n</html>\n'

    blocks = {}
    debug_info = '2=19&6=21&7=23&8=26&10=29&13=31&24=33&27=35&29=41&30=43&31=46&33=48&34=56&36=67&37=70&39=73&41=75&42=79&45=91&48=93'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_10(environment):  # html/page.html.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'html/page.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_meta = resolve('meta')
        l_0_creators = resolve('creators')
        l_0_generator = resolve('generator')
        l_0_opengraph = resolve('opengraph')
        l_0_canonical = resolve('canonical')
        l_0_json_ld = resolve('json_ld')
        l_0_css = resolve('css')
        l_0_t = resolve('t')
        l_0_interviews = resolve('interviews')
        l_0_front = resolve('front')
        l_0_back = resolve('back')
        l_0_index_entries = resolve('index_entries')
        l_0_parts = resolve('parts')
        l_0_level = resolve('level')
        try:
            t_1 = environment.filters['length']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'length' found.")
        pass
        yield '<!DOCTYPE html>\n<html lang="'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'language'))
        yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'title'))
        yield '</title>\n'
        for l_1_person in (undefined(name='creators') if l_0_creators is missing else l_0_creators):
            _loop_vars = {}
            pass
            yield '<meta name="author" content="'
            yield escape(environment.getattr(l_1_person, 'name'))
            yield '">\n'
        l_1_person = missing
        if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'description'):
            pass
            yield '<meta name="description" content="'
            yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'description'))
            yield '">\n'
        yield '<meta name="generator" content="'
        yield escape((undefined(name='generator') if l_0_generator is missing else l_0_generator))
        yield '">\n'
        for (l_1_property, l_1_value) in (undefined(name='opengraph') if l_0_opengraph is missing else l_0_opengraph):
            _loop_vars = {}
            pass
            yield '<meta property="'
            yield escape(l_1_property)
            yield '" content="'
            yield escape(l_1_value)
            yield '">\n'
        l_1_property = l_1_value = missing
        if (undefined(name='canonical') if l_0_canonical is missing else l_0_canonical):
            pass
            yield '<link rel="canonical" href="'
            yield escape((undefined(name='canonical') if l_0_canonical is missing else l_0_canonical))
            yield '">\n'
        yield '<script type="application/ld+json">'
        yield escape((undefined(name='json_ld') if l_0_json_ld is missing else l_0_json_ld))
        yield '</script>\n<style>\n'
        yield escape((undefined(name='css') if l_0_css is missing else l_0_css))
        yield '\n</style>\n'
        yield from context.blocks['head'][0](context)
        yield '</head>\n<body>\n<a class="skip-link" href="#main">'
        yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'skip to content'))
        yield '</a>\n'
        yield from context.blocks['masthead'][0](context)
        if ((((t_1((undefined(name='interviews') if l_0_interviews is missing else l_0_interviews)) > 1) or (undefined(name='front') if l_0_front is missing else l_0_front)) or (undefined(name='back') if l_0_back is missing else l_0_back)) or (undefined(name='index_entries') if l_0_index_entries is missing else l_0_index_entries)):
            pass
            yield '<nav class="contents" aria-labelledby="contents-title">\n<h2 id="contents-title">'
            yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'contents'))
            yield '</h2>\n<ol>\n'
            for l_1_entry in (undefined(name='front') if l_0_front is missing else l_0_front):
                _loop_vars = {}
                pass
                yield '<li><a href="#'
                yield escape(environment.getattr(l_1_entry, 'id'))
                yield '">'
                yield escape(environment.getattr(l_1_entry, 'title'))
                yield '</a></li>\n'
            l_1_entry = missing
            for l_1_interview in (undefined(name='interviews') if l_0_interviews is missing else l_0_interviews):
                l_1_part_at = resolve('part_at')
                l_1_part = missing
                _loop_vars = {}
                pass
                l_1_part = environment.call(context, (undefined(name='part_at') if l_1_part_at is missing else l_1_part_at), environment.getattr(l_1_interview, 'id'), _loop_vars=_loop_vars)
                _loop_vars['part'] = l_1_part
                if (undefined(name='part') if l_1_part is missing else l_1_part):
                    pass
                    yield '<li class="part-entry"><a href="#'
                    yield escape(environment.getattr((undefined(name='part') if l_1_part is missing else l_1_part), 'id'))
                    yield '">'
                    yield escape(environment.getattr((undefined(name='part') if l_1_part is missing else l_1_part), 'title'))
                    yield '</a></li>\n'
                yield '<li'
                if (undefined(name='parts') if l_0_parts is missing else l_0_parts):
                    pass
                    yield ' class="in-part"'
                yield '><a href="#'
                yield escape(environment.getattr(l_1_interview, 'id'))
                yield '">'
                yield escape(environment.getattr(l_1_interview, 'title'))
                yield '</a></li>\n'
            l_1_interview = l_1_part_at = l_1_part = missing
            for l_1_entry in (undefined(name='back') if l_0_back is missing else l_0_back):
                _loop_vars = {}
                pass
                yield '<li><a href="#'
                yield escape(environment.getattr(l_1_entry, 'id'))
                yield '">'
                yield escape(environment.getattr(l_1_entry, 'title'))
                yield '</a></li>\n'
            l_1_entry = missing
            if (undefined(name='index_entries') if l_0_index_entries is missing else l_0_index_entries):
                pass
                yield '<li><a href="#index">'
                yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'index'))
                yield '</a></li>\n'
            yield '</ol>\n</nav>\n'
        yield '<main id="main">\n'
        if ((((t_1((undefined(name='interviews') if l_0_interviews is missing else l_0_interviews)) > 1) or (undefined(name='front') if l_0_front is missing else l_0_front)) or (undefined(name='back') if l_0_back is missing else l_0_back)) or (undefined(name='index_entries') if l_0_index_entries is missing else l_0_index_entries)):
            pass
            yield '<header class="book-header">\n'
            template = environment.get_template('partials/titlepage.html.j2', 'html/page.html.j2')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'level': l_0_level}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '</header>\n'
            l_0_level = (3 if (undefined(name='parts') if l_0_parts is missing else l_0_parts) else 2)
            context.vars['level'] = l_0_level
            context.exported_vars.add('level')
        else:
            pass
            l_0_level = 1
            context.vars['level'] = l_0_level
            context.exported_vars.add('level')
        for l_1_matter in (undefined(name='front') if l_0_front is missing else l_0_front):
            _loop_vars = {}
            pass
            template = environment.get_template('partials/matter.html.j2', 'html/page.html.j2')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'matter': l_1_matter, 'level': l_0_level}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
        l_1_matter = missing
        for l_1_interview in (undefined(name='interviews') if l_0_interviews is missing else l_0_interviews):
            l_1_part_at = resolve('part_at')
            l_1_part = missing
            _loop_vars = {}
            pass
            l_1_part = environment.call(context, (undefined(name='part_at') if l_1_part_at is missing else l_1_part_at), environment.getattr(l_1_interview, 'id'), _loop_vars=_loop_vars)
            _loop_vars['part'] = l_1_part
            if (undefined(name='part') if l_1_part is missing else l_1_part):
                pass
                template = environment.get_template('partials/part.html.j2', 'html/page.html.j2')
                gen = template.root_render_func(template.new_context(context.get_all(), True, {'interview': l_1_interview, 'part': l_1_part, 'level': l_0_level}))
                try:
                    for event in gen:
                        yield event
                finally: gen.close()
            template = environment.get_template('partials/interview.html.j2', 'html/page.html.j2')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'interview': l_1_interview, 'part': l_1_part, 'level': l_0_level}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
        l_1_interview = l_1_part_at = l_1_part = missing
        for l_1_matter in (undefined(name='back') if l_0_back is missing else l_0_back):
            _loop_vars = {}
            pass
            template = environment.get_template('partials/matter.html.j2', 'html/page.html.j2')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'matter': l_1_matter, 'level': l_0_level}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
        l_1_matter = missing
        if (undefined(name='index_entries') if l_0_index_entries is missing else l_0_index_entries):
            pass
            template = environment.get_template('partials/index.html.j2', 'html/page.html.j2')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'level': l_0_level}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
        yield '</main>\n'
        yield from context.blocks['footer'][0](context)
        yield '</body>\n</html>\n'

    def block_head(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass

    def block_masthead(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_meta = resolve('meta')
        pass
        yield '<header class="masthead">\n<p class="publication-name">'
        yield escape((environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'publisher') or environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'title')))
        yield '</p>\n</header>\n'

    def block_footer(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass
        yield '<footer class="colophon">\n'
        template = environment.get_template('partials/colophon.html.j2', 'html/page.html.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '</footer>\n'

    blocks = {'head': block_head, 'masthead': block_masthead, 'footer': block_footer}
    debug_info = '2=32&6=34&7=36&8=40&10=43&11=46&13=49&14=51&15=55&17=60&18=63&20=66&22=68&24=70&27=72&28=74&33=75&35=78&37=80&38=84&40=89&41=94&42=96&43=99&45=104&47=113&48=117&50=122&51=125&57=129&59=132&61=139&63=144&65=147&66=150&68=157&69=162&70=164&71=166&73=172&75=179&76=182&78=189&79=191&82=198&24=201&28=210&30=220&82=223&84=232'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_11(environment):  # partials/colophon.html.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'partials/colophon.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_meta = resolve('meta')
        l_0_creators = resolve('creators')
        l_0_t = resolve('t')
        try:
            t_1 = environment.filters['lower']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'lower' found.")
        pass
        yield from context.blocks['before'][0](context)
        yield '<p class="colophon-title">'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'title'))
        if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'subtitle'):
            pass
            yield ': '
            yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'subtitle'))
        yield '</p>\n'
        for l_1_person in (undefined(name='creators') if l_0_creators is missing else l_0_creators):
            _loop_vars = {}
            pass
            yield '<p>'
            yield escape(environment.getattr(l_1_person, 'name'))
            yield ' ('
            yield escape(t_1(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), environment.getattr(l_1_person, 'role'), _loop_vars=_loop_vars)))
            yield ')</p>\n'
        l_1_person = missing
        if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'series'):
            pass
            yield '<p>'
            yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'series'))
            if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'series_position'):
                pass
                yield ', '
                yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'series_position'))
            yield '</p>\n'
        if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'edition'):
            pass
            yield '<p>'
            yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'edition'))
            yield '</p>\n'
        if (environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'publisher') or environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'date')):
            pass
            yield '<p>'
            if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'publisher'):
                pass
                yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'published by'))
                yield ' '
                yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'publisher'))
                if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'date'):
                    pass
                    yield ', '
            if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'date'):
                pass
                yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'date'))
            yield '</p>\n'
        if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'rights'):
            pass
            yield '<p>'
            yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'rights'))
            yield '</p>\n'
        yield '<p class="identifier">'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'identifier'))
        yield '</p>\n'
        yield from context.blocks['corrections'][0](context)
        yield from context.blocks['made_with'][0](context)
        yield from context.blocks['after'][0](context)

    def block_before(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass

    def block_corrections(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_corrections = resolve('corrections')
        pass
        l_1_loop = missing
        for l_1_correction, l_1_loop in LoopContext((undefined(name='corrections') if l_0_corrections is missing else l_0_corrections), undefined):
            l_1_t = resolve('t')
            _loop_vars = {}
            pass
            if environment.getattr(l_1_loop, 'first'):
                pass
                yield '<p class="corrections">'
                yield escape(environment.call(context, (undefined(name='t') if l_1_t is missing else l_1_t), 'corrections', _loop_vars=_loop_vars))
                yield ': '
            else:
                pass
                yield '; '
            yield '“'
            yield escape(environment.getattr(l_1_correction, 'find'))
            yield '” → “'
            yield escape(environment.getattr(l_1_correction, 'replace'))
            yield '” ('
            yield escape(environment.getattr(l_1_correction, 'why'))
            yield ')'
            if environment.getattr(l_1_loop, 'last'):
                pass
                yield '.</p>'
        l_1_loop = l_1_correction = l_1_t = missing

    def block_made_with(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_t = resolve('t')
        l_0_generator = resolve('generator')
        pass
        yield '<p>'
        yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'set in', _block_vars=_block_vars))
        yield ' '
        yield escape((undefined(name='generator') if l_0_generator is missing else l_0_generator))
        yield '.</p>\n'

    def block_after(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        pass

    blocks = {'before': block_before, 'corrections': block_corrections, 'made_with': block_made_with, 'after': block_after}
    debug_info = '3=20&4=22&5=28&6=32&8=37&9=40&11=46&12=49&14=51&15=54&17=66&18=69&20=72&21=74&26=75&29=76&3=78&21=87&22=97&23=101&26=121&27=132&29=137'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_12(environment):  # partials/index.html.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'partials/index.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_epub = resolve('epub')
        l_0_level = resolve('level')
        l_0_t = resolve('t')
        l_0_index_entries = resolve('index_entries')
        pass
        yield '<section class="matter index" id="index"'
        if (undefined(name='epub') if l_0_epub is missing else l_0_epub):
            pass
            yield ' epub:type="index"'
        yield ' role="doc-index" aria-labelledby="index-title">\n<h'
        yield escape((undefined(name='level') if l_0_level is missing else l_0_level))
        yield ' class="matter-title" id="index-title">'
        yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'index'))
        yield '</h'
        yield escape((undefined(name='level') if l_0_level is missing else l_0_level))
        yield '>\n<ul class="index-entries">\n'
        l_1_loop = missing
        for l_1_entry, l_1_loop in LoopContext((undefined(name='index_entries') if l_0_index_entries is missing else l_0_index_entries), undefined):
            _loop_vars = {}
            pass
            yield '<li><span class="index-term">'
            yield escape(environment.getattr(l_1_entry, 'term'))
            yield '</span> '
            l_2_loop = missing
            for l_2_ref, l_2_loop in LoopContext(environment.getattr(l_1_entry, 'refs'), undefined):
                l_2_href = resolve('href')
                _loop_vars = {}
                pass
                yield '<a href="'
                yield escape(environment.call(context, (undefined(name='href') if l_2_href is missing else l_2_href), environment.getattr(l_2_ref, 'anchor'), _loop_vars=_loop_vars))
                yield '">'
                yield escape((environment.getattr(l_2_ref, 'page') or environment.getattr(l_2_ref, 'anchor')))
                yield '</a>'
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield ', '
            l_2_loop = l_2_ref = l_2_href = missing
            yield '</li>\n'
        l_1_loop = l_1_entry = missing
        yield '</ul>\n</section>\n'

    blocks = {}
    debug_info = '2=16&3=20&5=27&6=31'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_13(environment):  # partials/interview.html.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'partials/interview.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_interview = resolve('interview')
        l_0_epub = resolve('epub')
        l_0_meta = resolve('meta')
        l_0_breaks_before = resolve('breaks_before')
        l_0_level = resolve('level')
        l_0_t = resolve('t')
        l_0_interviewees = l_0_introduced = l_0_others = missing
        try:
            t_1 = environment.filters['inlines']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'inlines' found.")
        try:
            t_2 = environment.filters['join']
        except KeyError:
            @internalcode
            def t_2(*unused):
                raise TemplateRuntimeError("No filter named 'join' found.")
        try:
            t_3 = environment.filters['list']
        except KeyError:
            @internalcode
            def t_3(*unused):
                raise TemplateRuntimeError("No filter named 'list' found.")
        try:
            t_4 = environment.filters['lower']
        except KeyError:
            @internalcode
            def t_4(*unused):
                raise TemplateRuntimeError("No filter named 'lower' found.")
        try:
            t_5 = environment.filters['map']
        except KeyError:
            @internalcode
            def t_5(*unused):
                raise TemplateRuntimeError("No filter named 'map' found.")
        try:
            t_6 = environment.filters['rejectattr']
        except KeyError:
            @internalcode
            def t_6(*unused):
                raise TemplateRuntimeError("No filter named 'rejectattr' found.")
        try:
            t_7 = environment.filters['select']
        except KeyError:
            @internalcode
            def t_7(*unused):
                raise TemplateRuntimeError("No filter named 'select' found.")
        try:
            t_8 = environment.filters['selectattr']
        except KeyError:
            @internalcode
            def t_8(*unused):
                raise TemplateRuntimeError("No filter named 'selectattr' found.")
        pass
        l_0_interviewees = environment.call(context, environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'with_role'), 'interviewee')
        context.vars['interviewees'] = l_0_interviewees
        context.exported_vars.add('interviewees')
        yield '<section class="interview" id="'
        yield escape(environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'id'))
        yield '"'
        if (undefined(name='epub') if l_0_epub is missing else l_0_epub):
            pass
            yield ' epub:type="chapter"'
        yield ' role="doc-chapter"'
        if (environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'language') and (environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'language') != environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'language'))):
            pass
            yield ' lang="'
            yield escape(environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'language'))
            yield '"'
        yield ' aria-labelledby="'
        yield escape(environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'id'))
        yield '-title">\n'
        yield escape(environment.call(context, (undefined(name='breaks_before') if l_0_breaks_before is missing else l_0_breaks_before), environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'id')))
        yield '\n<header class="opening">\n<h'
        yield escape((undefined(name='level') if l_0_level is missing else l_0_level))
        yield ' class="interview-title" id="'
        yield escape(environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'id'))
        yield '-title">'
        yield escape(environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'title'))
        yield '</h'
        yield escape((undefined(name='level') if l_0_level is missing else l_0_level))
        yield '>\n'
        for l_1_line in environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'header'):
            _loop_vars = {}
            pass
            yield '<p class="header-line">'
            yield escape(l_1_line)
            yield '</p>\n'
        l_1_line = missing
        if environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'standfirst'):
            pass
            for l_1_part in environment.call(context, environment.getattr(environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'standfirst'), 'split'), '\n\n'):
                _loop_vars = {}
                pass
                yield '<p class="standfirst">'
                yield escape(l_1_part)
                yield '</p>\n'
            l_1_part = missing
        else:
            pass
            def t_9(fiter):
                for l_1_person in fiter:
                    if environment.getattr(l_1_person, 'name'):
                        yield l_1_person
            for l_1_person in t_9((undefined(name='interviewees') if l_0_interviewees is missing else l_0_interviewees)):
                _loop_vars = {}
                pass
                yield '<p class="standfirst">'
                yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'an interview with', environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'language'), _loop_vars=_loop_vars))
                yield ' <span class="name">'
                yield escape(environment.getattr(l_1_person, 'name'))
                yield '</span>'
                if environment.getattr(l_1_person, 'description'):
                    pass
                    yield ', '
                    yield escape(environment.getattr(l_1_person, 'description'))
                yield '.</p>\n'
            l_1_person = missing
        l_0_introduced = (environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'standfirst') or t_2(context.eval_ctx, t_5(context, t_8(context, (undefined(name='interviewees') if l_0_interviewees is missing else l_0_interviewees), 'name'), attribute='name'), ' '))
        context.vars['introduced'] = l_0_introduced
        context.exported_vars.add('introduced')
        l_0_others = t_3(context.eval_ctx, t_6(context, t_8(context, environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'participants'), 'name'), 'name', 'in', (undefined(name='introduced') if l_0_introduced is missing else l_0_introduced)))
        context.vars['others'] = l_0_others
        context.exported_vars.add('others')
        if (undefined(name='others') if l_0_others is missing else l_0_others):
            pass
            yield '<p class="participants">'
            l_1_loop = missing
            for l_1_person, l_1_loop in LoopContext((undefined(name='others') if l_0_others is missing else l_0_others), undefined):
                _loop_vars = {}
                pass
                yield escape(environment.getattr(l_1_person, 'name'))
                yield ' ('
                if environment.getattr(l_1_person, 'description'):
                    pass
                    yield escape(environment.getattr(l_1_person, 'description'))
                    yield ', '
                yield escape(t_4(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), environment.getattr(l_1_person, 'role'), environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'language'), _loop_vars=_loop_vars)))
                yield ')'
                if (not environment.getattr(l_1_loop, 'last')):
                    pass
                    yield ' · '
            l_1_loop = l_1_person = missing
            yield '</p>\n'
        if (environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'place') or environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'date')):
            pass
            yield '<p class="dateline">'
            yield escape(t_2(context.eval_ctx, t_7(context, [environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'place'), environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'date')]), ', '))
            yield '</p>\n'
        if environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'source_url'):
            pass
            yield '<p class="source">'
            yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'first published'))
            yield ': <a href="'
            yield escape(environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'source_url'))
            yield '">'
            yield escape(environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'source_url'))
            yield '</a></p>\n'
        yield '</header>\n<div class="qna"'
        if (undefined(name='epub') if l_0_epub is missing else l_0_epub):
            pass
            yield ' epub:type="qna" role="doc-qna"'
        yield '>\n'
        l_1_loop = missing
        for l_1_block, l_1_loop in LoopContext(environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'blocks'), undefined):
            l_1_turn = resolve('turn')
            _loop_vars = {}
            pass
            if (environment.getattr(l_1_block, 'kind') == 'turn'):
                pass
                l_1_turn = l_1_block
                _loop_vars['turn'] = l_1_turn
                template = environment.get_template('partials/turn.html.j2', 'partials/interview.html.j2')
                gen = template.root_render_func(template.new_context(context.get_all(), True, {'block': l_1_block, 'loop': l_1_loop, 'turn': l_1_turn, 'interviewees': l_0_interviewees, 'introduced': l_0_introduced, 'others': l_0_others}))
                try:
                    for event in gen:
                        yield event
                finally: gen.close()
            elif (environment.getattr(l_1_block, 'kind') == 'section'):
                pass
                yield escape(environment.call(context, (undefined(name='breaks_before') if l_0_breaks_before is missing else l_0_breaks_before), environment.getattr(l_1_block, 'id'), _loop_vars=_loop_vars))
                yield '\n<h'
                yield escape(((undefined(name='level') if l_0_level is missing else l_0_level) + 1))
                yield ' class="section-title" id="'
                yield escape(environment.getattr(l_1_block, 'id'))
                yield '">'
                yield escape(environment.getattr(l_1_block, 'title'))
                yield '</h'
                yield escape(((undefined(name='level') if l_0_level is missing else l_0_level) + 1))
                yield '>\n'
            else:
                pass
                yield '<div class="editor-note" id="'
                yield escape(environment.getattr(l_1_block, 'id'))
                yield '">\n'
                l_2_loop = missing
                for l_2_paragraph, l_2_loop in LoopContext(environment.getattr(l_1_block, 'paragraphs'), undefined):
                    l_2_breaks_at_start = resolve('breaks_at_start')
                    l_2_breaks_in = resolve('breaks_in')
                    l_2_pid = missing
                    _loop_vars = {}
                    pass
                    l_2_pid = markup_join((environment.getattr(l_1_block, 'id'), '-', environment.getattr(l_2_loop, 'index'), ))
                    _loop_vars['pid'] = l_2_pid
                    yield '<p id="'
                    yield escape((undefined(name='pid') if l_2_pid is missing else l_2_pid))
                    yield '">'
                    yield escape(environment.call(context, (undefined(name='breaks_at_start') if l_2_breaks_at_start is missing else l_2_breaks_at_start), (undefined(name='pid') if l_2_pid is missing else l_2_pid), _loop_vars=_loop_vars))
                    yield escape(t_1(l_2_paragraph, environment.call(context, (undefined(name='breaks_in') if l_2_breaks_in is missing else l_2_breaks_in), (undefined(name='pid') if l_2_pid is missing else l_2_pid), _loop_vars=_loop_vars)))
                    yield '</p>\n'
                l_2_loop = l_2_paragraph = l_2_pid = l_2_breaks_at_start = l_2_breaks_in = missing
                yield '</div>\n'
        l_1_loop = l_1_block = l_1_turn = missing
        yield '</div>\n</section>\n'

    blocks = {}
    debug_info = '2=66&3=70&4=84&6=86&7=94&8=98&10=101&11=103&12=107&15=112&16=120&19=130&20=133&21=136&22=140&24=156&25=159&27=161&28=164&31=171&32=176&33=180&34=182&35=184&36=190&37=192&38=194&40=205&41=208&42=214&43=217'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_14(environment):  # partials/matter.html.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'partials/matter.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_matter = resolve('matter')
        l_0_epub = resolve('epub')
        l_0_level = resolve('level')
        try:
            t_1 = environment.filters['inlines']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'inlines' found.")
        pass
        yield '<section class="matter '
        yield escape(environment.getattr((undefined(name='matter') if l_0_matter is missing else l_0_matter), 'kind'))
        yield '" id="'
        yield escape(environment.getattr((undefined(name='matter') if l_0_matter is missing else l_0_matter), 'id'))
        yield '"'
        if (undefined(name='epub') if l_0_epub is missing else l_0_epub):
            pass
            yield ' epub:type="'
            yield escape(environment.getattr((undefined(name='matter') if l_0_matter is missing else l_0_matter), 'kind'))
            yield '"'
        yield ' role="doc-'
        yield escape(environment.getattr((undefined(name='matter') if l_0_matter is missing else l_0_matter), 'kind'))
        yield '" aria-labelledby="'
        yield escape(environment.getattr((undefined(name='matter') if l_0_matter is missing else l_0_matter), 'id'))
        yield '-title">\n<h'
        yield escape((undefined(name='level') if l_0_level is missing else l_0_level))
        yield ' class="matter-title" id="'
        yield escape(environment.getattr((undefined(name='matter') if l_0_matter is missing else l_0_matter), 'id'))
        yield '-title">'
        yield escape(environment.getattr((undefined(name='matter') if l_0_matter is missing else l_0_matter), 'title'))
        yield '</h'
        yield escape((undefined(name='level') if l_0_level is missing else l_0_level))
        yield '>\n'
        for l_1_paragraph in environment.getattr((undefined(name='matter') if l_0_matter is missing else l_0_matter), 'paragraphs'):
            _loop_vars = {}
            pass
            yield '<p>'
            yield escape(t_1(l_1_paragraph))
            yield '</p>\n'
        l_1_paragraph = missing
        yield '</section>\n'

    blocks = {}
    debug_info = '2=21&3=35&4=43&5=47'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_15(environment):  # partials/part.html.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'partials/part.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_level = resolve('level')
        l_0_part = resolve('part')
        l_0_epub = resolve('epub')
        l_0_part_level = missing
        pass
        l_0_part_level = (((undefined(name='level') if l_0_level is missing else l_0_level) - 1) if ((undefined(name='level') if l_0_level is missing else l_0_level) > 2) else (undefined(name='level') if l_0_level is missing else l_0_level))
        context.vars['part_level'] = l_0_part_level
        context.exported_vars.add('part_level')
        yield '<section class="part" id="'
        yield escape(environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'id'))
        yield '"'
        if (undefined(name='epub') if l_0_epub is missing else l_0_epub):
            pass
            yield ' epub:type="part"'
        yield ' role="doc-part" aria-labelledby="'
        yield escape(environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'id'))
        yield '-title">\n<h'
        yield escape((undefined(name='part_level') if l_0_part_level is missing else l_0_part_level))
        yield ' class="part-title" id="'
        yield escape(environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'id'))
        yield '-title">'
        yield escape(environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'title'))
        yield '</h'
        yield escape((undefined(name='part_level') if l_0_part_level is missing else l_0_part_level))
        yield '>\n</section>\n'

    blocks = {}
    debug_info = '2=15&3=19&4=27'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_16(environment):  # partials/titlepage.html.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'partials/titlepage.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        pass
        yield from context.blocks['title'][0](context)
        yield from context.blocks['people'][0](context)
        yield from context.blocks['publisher'][0](context)

    def block_title(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_meta = resolve('meta')
        pass
        yield '<h1 class="book-title">'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'title'))
        yield '</h1>\n'
        if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'subtitle'):
            pass
            yield '<p class="book-subtitle">'
            yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'subtitle'))
            yield '</p>\n'

    def block_people(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_creators = resolve('creators')
        try:
            t_1 = environment.filters['length']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'length' found.")
        pass
        def t_2(fiter):
            for l_1_person in fiter:
                if (environment.getattr(l_1_person, 'role') == 'interviewee'):
                    yield l_1_person
        l_1_loop = missing
        for l_1_person, l_1_loop in LoopContext(t_2((undefined(name='creators') if l_0_creators is missing else l_0_creators)), undefined):
            l_1_interviews = resolve('interviews')
            l_1_t = resolve('t')
            _loop_vars = {}
            pass
            if environment.getattr(l_1_loop, 'first'):
                pass
                yield '<p class="book-people">'
                if (t_1((undefined(name='interviews') if l_1_interviews is missing else l_1_interviews)) == 1):
                    pass
                    yield escape(environment.call(context, (undefined(name='t') if l_1_t is missing else l_1_t), 'an interview with', _loop_vars=_loop_vars))
                    yield ' '
            else:
                pass
                yield ', '
            yield '<span class="name">'
            yield escape(environment.getattr(l_1_person, 'name'))
            yield '</span>'
            if environment.getattr(l_1_loop, 'last'):
                pass
                yield '</p>'
        l_1_loop = l_1_person = l_1_interviews = l_1_t = missing

    def block_publisher(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        _block_vars = {}
        l_0_meta = resolve('meta')
        pass
        if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'publisher'):
            pass
            yield '<p class="book-publisher">'
            yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'publisher'))
            yield '</p>\n'

    blocks = {'title': block_title, 'people': block_people, 'publisher': block_publisher}
    debug_info = '3=11&9=12&14=13&3=15&4=25&5=27&6=30&9=33&10=48&11=58&14=76&15=85&16=88'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_17(environment):  # partials/turn.html.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'partials/turn.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_interview = resolve('interview')
        l_0_turn = resolve('turn')
        l_0_web = resolve('web')
        l_0_t = resolve('t')
        l_0_person = l_0_narration = l_0_kind = missing
        try:
            t_1 = environment.filters['inlines']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'inlines' found.")
        pass
        l_0_person = environment.call(context, environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'participant'), environment.getattr((undefined(name='turn') if l_0_turn is missing else l_0_turn), 'speaker'))
        context.vars['person'] = l_0_person
        context.exported_vars.add('person')
        l_0_narration = (((environment.getattr((undefined(name='person') if l_0_person is missing else l_0_person), 'role') == 'other') and (not environment.getattr((undefined(name='person') if l_0_person is missing else l_0_person), 'name'))) and (not environment.getattr((undefined(name='person') if l_0_person is missing else l_0_person), 'label')))
        context.vars['narration'] = l_0_narration
        context.exported_vars.add('narration')
        l_0_kind = ('question' if (environment.getattr((undefined(name='person') if l_0_person is missing else l_0_person), 'role') == 'interviewer') else ('answer' if (environment.getattr((undefined(name='person') if l_0_person is missing else l_0_person), 'role') == 'interviewee') else ('narration' if (undefined(name='narration') if l_0_narration is missing else l_0_narration) else 'remark')))
        context.vars['kind'] = l_0_kind
        context.exported_vars.add('kind')
        yield '<div class="turn '
        yield escape((undefined(name='kind') if l_0_kind is missing else l_0_kind))
        yield '" id="'
        yield escape(environment.getattr((undefined(name='turn') if l_0_turn is missing else l_0_turn), 'id'))
        yield '" data-speaker="'
        yield escape(environment.getattr((undefined(name='person') if l_0_person is missing else l_0_person), 'key'))
        yield '">\n'
        l_1_loop = missing
        for l_1_paragraph, l_1_loop in LoopContext(environment.getattr((undefined(name='turn') if l_0_turn is missing else l_0_turn), 'paragraphs'), undefined):
            l_1_breaks_at_start = resolve('breaks_at_start')
            l_1_breaks_in = resolve('breaks_in')
            l_1_pid = missing
            _loop_vars = {}
            pass
            l_1_pid = markup_join((environment.getattr((undefined(name='turn') if l_0_turn is missing else l_0_turn), 'id'), '-', environment.getattr(l_1_loop, 'index'), ))
            _loop_vars['pid'] = l_1_pid
            if (environment.getattr(l_1_loop, 'first') and (not (undefined(name='narration') if l_0_narration is missing else l_0_narration))):
                pass
                yield '<p id="'
                yield escape((undefined(name='pid') if l_1_pid is missing else l_1_pid))
                yield '">'
                yield escape(environment.call(context, (undefined(name='breaks_at_start') if l_1_breaks_at_start is missing else l_1_breaks_at_start), (undefined(name='pid') if l_1_pid is missing else l_1_pid), _loop_vars=_loop_vars))
                yield '<b class="speaker">'
                yield escape((environment.getattr((undefined(name='person') if l_0_person is missing else l_0_person), 'label') or environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), environment.getattr((undefined(name='person') if l_0_person is missing else l_0_person), 'role'), environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'language'), _loop_vars=_loop_vars)))
                yield ':</b> '
                if environment.getattr((undefined(name='turn') if l_0_turn is missing else l_0_turn), 'timestamp'):
                    pass
                    yield '<span class="timestamp">['
                    yield escape(environment.getattr((undefined(name='turn') if l_0_turn is missing else l_0_turn), 'timestamp'))
                    yield ']</span> '
                yield escape(t_1(l_1_paragraph, environment.call(context, (undefined(name='breaks_in') if l_1_breaks_in is missing else l_1_breaks_in), (undefined(name='pid') if l_1_pid is missing else l_1_pid), _loop_vars=_loop_vars)))
                yield '</p>\n'
            else:
                pass
                yield '<p id="'
                yield escape((undefined(name='pid') if l_1_pid is missing else l_1_pid))
                yield '">'
                yield escape(environment.call(context, (undefined(name='breaks_at_start') if l_1_breaks_at_start is missing else l_1_breaks_at_start), (undefined(name='pid') if l_1_pid is missing else l_1_pid), _loop_vars=_loop_vars))
                yield escape(t_1(l_1_paragraph, environment.call(context, (undefined(name='breaks_in') if l_1_breaks_in is missing else l_1_breaks_in), (undefined(name='pid') if l_1_pid is missing else l_1_pid), _loop_vars=_loop_vars)))
                yield '</p>\n'
        l_1_loop = l_1_paragraph = l_1_pid = l_1_breaks_at_start = l_1_breaks_in = missing
        if (undefined(name='web') if l_0_web is missing else l_0_web):
            pass
            yield '<p class="cite"><a href="#'
            yield escape(environment.getattr((undefined(name='turn') if l_0_turn is missing else l_0_turn), 'id'))
            yield '" title="'
            yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'link to this passage'))
            yield ' ('
            yield escape((environment.getattr((undefined(name='person') if l_0_person is missing else l_0_person), 'label') or environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), environment.getattr((undefined(name='person') if l_0_person is missing else l_0_person), 'role'), environment.getattr((undefined(name='interview') if l_0_interview is missing else l_0_interview), 'language'))))
            yield ')">¶ '
            yield escape(environment.getattr((undefined(name='turn') if l_0_turn is missing else l_0_turn), 'id'))
            yield '</a></p>\n'
        yield '</div>\n'

    blocks = {}
    debug_info = '2=22&3=25&4=28&5=32&6=39&7=45&8=47&9=50&11=66&14=72&15=75'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


def _template_18(environment):  # pdf/book.html.j2
    from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
    name = 'pdf/book.html.j2'

    def root(context, missing=missing, environment=environment):
        resolve = context.resolve_or_missing
        undefined = environment.undefined
        concat = environment.concat
        cond_expr_undefined = Undefined
        if 0: yield None
        l_0_meta = resolve('meta')
        l_0_creators = resolve('creators')
        l_0_generator = resolve('generator')
        l_0_modified = resolve('modified')
        l_0_chunk = resolve('chunk')
        l_0_interviews = resolve('interviews')
        l_0_parts = resolve('parts')
        l_0_t = resolve('t')
        l_0_front = resolve('front')
        l_0_back = resolve('back')
        l_0_index_entries = resolve('index_entries')
        l_0_page_of = resolve('page_of')
        l_0_whole = l_0_body_interviews = l_0_level = missing
        try:
            t_1 = environment.filters['length']
        except KeyError:
            @internalcode
            def t_1(*unused):
                raise TemplateRuntimeError("No filter named 'length' found.")
        try:
            t_2 = environment.tests['none']
        except KeyError:
            @internalcode
            def t_2(*unused):
                raise TemplateRuntimeError("No test named 'none' found.")
        pass
        yield '<!DOCTYPE html>\n<html lang="'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'language'))
        yield '">\n<head>\n<meta charset="utf-8">\n<title>'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'title'))
        yield '</title>\n'
        for l_1_person in (undefined(name='creators') if l_0_creators is missing else l_0_creators):
            _loop_vars = {}
            pass
            yield '<meta name="author" content="'
            yield escape(environment.getattr(l_1_person, 'name'))
            yield '">\n'
        l_1_person = missing
        if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'description'):
            pass
            yield '<meta name="description" content="'
            yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'description'))
            yield '">\n'
        yield '<meta name="generator" content="'
        yield escape((undefined(name='generator') if l_0_generator is missing else l_0_generator))
        yield '">\n<meta name="dcterms.created" content="'
        yield escape((undefined(name='modified') if l_0_modified is missing else l_0_modified))
        yield '">\n<meta name="dcterms.modified" content="'
        yield escape((undefined(name='modified') if l_0_modified is missing else l_0_modified))
        yield '">\n</head>'
        l_0_whole = t_2((undefined(name='chunk') if l_0_chunk is missing else l_0_chunk))
        context.vars['whole'] = l_0_whole
        context.exported_vars.add('whole')
        l_0_body_interviews = ((undefined(name='interviews') if l_0_interviews is missing else l_0_interviews) if (undefined(name='whole') if l_0_whole is missing else l_0_whole) else environment.getattr((undefined(name='chunk') if l_0_chunk is missing else l_0_chunk), 'interviews'))
        context.vars['body_interviews'] = l_0_body_interviews
        context.exported_vars.add('body_interviews')
        yield '<body'
        if (undefined(name='parts') if l_0_parts is missing else l_0_parts):
            pass
            yield ' class="with-parts"'
        yield '>\n'
        if ((undefined(name='whole') if l_0_whole is missing else l_0_whole) or environment.getattr((undefined(name='chunk') if l_0_chunk is missing else l_0_chunk), 'front')):
            pass
            yield '<section class="titlepage">\n'
            template = environment.get_template('partials/titlepage.html.j2', 'pdf/book.html.j2')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'body_interviews': l_0_body_interviews, 'level': l_0_level, 'whole': l_0_whole}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '</section>\n<section class="colophon" aria-label="'
            yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'colophon'))
            yield '">\n'
            template = environment.get_template('partials/colophon.html.j2', 'pdf/book.html.j2')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'body_interviews': l_0_body_interviews, 'level': l_0_level, 'whole': l_0_whole}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '</section>\n'
            if (((((t_1((undefined(name='interviews') if l_0_interviews is missing else l_0_interviews)) > 1) or (undefined(name='front') if l_0_front is missing else l_0_front)) or (undefined(name='back') if l_0_back is missing else l_0_back)) or (undefined(name='index_entries') if l_0_index_entries is missing else l_0_index_entries)) or ((not (undefined(name='whole') if l_0_whole is missing else l_0_whole)) and environment.getattr((undefined(name='chunk') if l_0_chunk is missing else l_0_chunk), 'index'))):
                pass
                yield '<nav class="contents" aria-labelledby="contents-title">\n<h1 id="contents-title">'
                yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'contents'))
                yield '</h1>\n<ol>\n'
                for l_1_entry in (undefined(name='front') if l_0_front is missing else l_0_front):
                    _loop_vars = {}
                    pass
                    yield '<li><a href="#'
                    yield escape(environment.getattr(l_1_entry, 'id'))
                    yield '"'
                    yield escape(environment.call(context, (undefined(name='page_of') if l_0_page_of is missing else l_0_page_of), environment.getattr(l_1_entry, 'id'), _loop_vars=_loop_vars))
                    yield '>'
                    yield escape(environment.getattr(l_1_entry, 'title'))
                    yield '</a></li>\n'
                l_1_entry = missing
                for l_1_interview in (undefined(name='interviews') if l_0_interviews is missing else l_0_interviews):
                    l_1_part_at = resolve('part_at')
                    l_1_part = missing
                    _loop_vars = {}
                    pass
                    l_1_part = environment.call(context, (undefined(name='part_at') if l_1_part_at is missing else l_1_part_at), environment.getattr(l_1_interview, 'id'), _loop_vars=_loop_vars)
                    _loop_vars['part'] = l_1_part
                    if (undefined(name='part') if l_1_part is missing else l_1_part):
                        pass
                        yield '<li class="part-entry"><a href="#'
                        yield escape(environment.getattr((undefined(name='part') if l_1_part is missing else l_1_part), 'id'))
                        yield '"'
                        yield escape(environment.call(context, (undefined(name='page_of') if l_0_page_of is missing else l_0_page_of), environment.getattr((undefined(name='part') if l_1_part is missing else l_1_part), 'id'), _loop_vars=_loop_vars))
                        yield '>'
                        yield escape(environment.getattr((undefined(name='part') if l_1_part is missing else l_1_part), 'title'))
                        yield '</a></li>\n'
                    yield '<li'
                    if (undefined(name='parts') if l_0_parts is missing else l_0_parts):
                        pass
                        yield ' class="in-part"'
                    yield '><a href="#'
                    yield escape(environment.getattr(l_1_interview, 'id'))
                    yield '"'
                    yield escape(environment.call(context, (undefined(name='page_of') if l_0_page_of is missing else l_0_page_of), environment.getattr(l_1_interview, 'id'), _loop_vars=_loop_vars))
                    yield '>'
                    yield escape(environment.getattr(l_1_interview, 'title'))
                    yield '</a></li>\n'
                l_1_interview = l_1_part_at = l_1_part = missing
                for l_1_entry in (undefined(name='back') if l_0_back is missing else l_0_back):
                    _loop_vars = {}
                    pass
                    yield '<li><a href="#'
                    yield escape(environment.getattr(l_1_entry, 'id'))
                    yield '"'
                    yield escape(environment.call(context, (undefined(name='page_of') if l_0_page_of is missing else l_0_page_of), environment.getattr(l_1_entry, 'id'), _loop_vars=_loop_vars))
                    yield '>'
                    yield escape(environment.getattr(l_1_entry, 'title'))
                    yield '</a></li>\n'
                l_1_entry = missing
                if ((undefined(name='index_entries') if l_0_index_entries is missing else l_0_index_entries) or ((not (undefined(name='whole') if l_0_whole is missing else l_0_whole)) and environment.getattr((undefined(name='chunk') if l_0_chunk is missing else l_0_chunk), 'index'))):
                    pass
                    yield '<li><a href="#index"'
                    yield escape(environment.call(context, (undefined(name='page_of') if l_0_page_of is missing else l_0_page_of), 'index'))
                    yield '>'
                    yield escape(environment.call(context, (undefined(name='t') if l_0_t is missing else l_0_t), 'index'))
                    yield '</a></li>\n'
                yield '</ol>\n</nav>\n'
        l_0_level = 1
        context.vars['level'] = l_0_level
        context.exported_vars.add('level')
        if ((undefined(name='whole') if l_0_whole is missing else l_0_whole) or environment.getattr((undefined(name='chunk') if l_0_chunk is missing else l_0_chunk), 'front_matter')):
            pass
            for l_1_matter in (undefined(name='front') if l_0_front is missing else l_0_front):
                _loop_vars = {}
                pass
                template = environment.get_template('partials/matter.html.j2', 'pdf/book.html.j2')
                gen = template.root_render_func(template.new_context(context.get_all(), True, {'matter': l_1_matter, 'body_interviews': l_0_body_interviews, 'level': l_0_level, 'whole': l_0_whole}))
                try:
                    for event in gen:
                        yield event
                finally: gen.close()
            l_1_matter = missing
        for l_1_interview in (undefined(name='body_interviews') if l_0_body_interviews is missing else l_0_body_interviews):
            l_1_part_at = resolve('part_at')
            l_1_part = missing
            _loop_vars = {}
            pass
            l_1_part = environment.call(context, (undefined(name='part_at') if l_1_part_at is missing else l_1_part_at), environment.getattr(l_1_interview, 'id'), _loop_vars=_loop_vars)
            _loop_vars['part'] = l_1_part
            if (undefined(name='part') if l_1_part is missing else l_1_part):
                pass
                template = environment.get_template('partials/part.html.j2', 'pdf/book.html.j2')
                gen = template.root_render_func(template.new_context(context.get_all(), True, {'interview': l_1_interview, 'part': l_1_part, 'body_interviews': l_0_body_interviews, 'level': l_0_level, 'whole': l_0_whole}))
                try:
                    for event in gen:
                        yield event
                finally: gen.close()
            template = environment.get_template('partials/interview.html.j2', 'pdf/book.html.j2')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'interview': l_1_interview, 'part': l_1_part, 'body_interviews': l_0_body_interviews, 'level': l_0_level, 'whole': l_0_whole}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
        l_1_interview = l_1_part_at = l_1_part = missing
        if ((undefined(name='whole') if l_0_whole is missing else l_0_whole) or environment.getattr((undefined(name='chunk') if l_0_chunk is missing else l_0_chunk), 'back')):
            pass
            for l_1_matter in (undefined(name='back') if l_0_back is missing else l_0_back):
                _loop_vars = {}
                pass
                template = environment.get_template('partials/matter.html.j2', 'pdf/book.html.j2')
                gen = template.root_render_func(template.new_context(context.get_all(), True, {'matter': l_1_matter, 'body_interviews': l_0_body_interviews, 'level': l_0_level, 'whole': l_0_whole}))
                try:
                    for event in gen:
                        yield event
                finally: gen.close()
            l_1_matter = missing
            if (undefined(name='index_entries') if l_0_index_entries is missing else l_0_index_entries):
                pass
                template = environment.get_template('partials/index.html.j2', 'pdf/book.html.j2')
                gen = template.root_render_func(template.new_context(context.get_all(), True, {'body_interviews': l_0_body_interviews, 'level': l_0_level, 'whole': l_0_whole}))
                try:
                    for event in gen:
                        yield event
                finally: gen.close()
        if ((not (undefined(name='whole') if l_0_whole is missing else l_0_whole)) and environment.getattr((undefined(name='chunk') if l_0_chunk is missing else l_0_chunk), 'end')):
            pass
            yield '<div class="chunk-end"></div>\n'
        yield '</body>\n</html>\n'

    blocks = {}
    debug_info = '2=37&5=39&6=41&7=45&9=48&10=51&12=54&13=56&14=58&17=60&18=63&19=67&20=71&22=74&24=81&25=83&27=90&29=93&31=95&32=99&34=106&35=111&36=113&37=116&39=123&41=134&42=138&44=145&45=148&51=153&52=156&53=158&54=161&57=168&58=173&59=175&60=177&62=183&64=190&65=192&66=195&68=202&69=204&72=210'
    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}


TEMPLATES = {
    'epub/base.xhtml.j2': ('dc58aea533adbeaddb6b72bb042788af46e14301593ee173593566c23d478a66', _template_0),
    'epub/chapter.xhtml.j2': ('08db12487e07595132d3c1b3faaebe0d17d9cf1238d69673236efef4869090fd', _template_1),
    'epub/copyright.xhtml.j2': ('c90823a78784c975403143fe0fba4651806a6290930b4dc41ba1376f290f1f32', _template_2),
    'epub/cover.xhtml.j2': ('4d1b4892a11c1c3654e25331079ee4e56ace8ec77ef236c59a827f3a216c5c9e', _template_3),
    'epub/index.xhtml.j2': ('fd28cfc36fe1dc3e099c513934916847927d4dad6c0336af0d1c90979fa57b25', _template_4),
    'epub/matter.xhtml.j2': ('2edefbbcbacc93ea342e7e54971ffdb06612e2ae47fdd7440f86394dce78d1ad', _template_5),
    'epub/nav.xhtml.j2': ('1101cf3df1de755ce6a495f893faf18698817e2472bc0e0cdee705bd87d5816b', _template_6),
    'epub/part.xhtml.j2': ('d7ca541130a089c646ce6a031fb4c9348397e96ec7dc304c533726b466e7b0f7', _template_7),
    'epub/titlepage.xhtml.j2': ('d425d626426a5e7888cc2806cd7ea2090466ef009ce5310c96a34e092bca6224', _template_8),
    'html/landing.html.j2': ('46cfa8dda62f661f3f0476c1401277a5fc231cfced7b93a91522e782fa8d5f00', _template_9),
    'html/page.html.j2': ('3eecff7de8b674753ba468c90f9aab8f219f5d5fe4e3b84e158d97c6fd16eeae', _template_10),
    'partials/colophon.html.j2': ('422943c0b29ab77d35597dc51312be125e627004d531714fff740eebd1657dd4', _template_11),
    'partials/index.html.j2': ('06f714b6e6b8bf0971ceab43d4fc521ae1b878b55264b2c06cdf9a8916d6cd48', _template_12),
    'partials/interview.html.j2': ('582e549e8e5837e39dc79554473744db85d39f14fc51bef2a4a51a49b9bf11d3', _template_13),
    'partials/matter.html.j2': ('4343e74c43258823b4a986ac99365631c7cffb7fb3d122ec66c2a6e0c9144a9e', _template_14),
    'partials/part.html.j2': ('f94bd95673134829defe8af2f90eb46832baac8b23775249b4cb7de8218cc2a8', _template_15),
    'partials/titlepage.html.j2': ('d29b20a393418c2bc18e1a4cede054eafdfd11ca43aabffe07b5530f42f1a5de', _template_16),
    'partials/turn.html.j2': ('68072b04205d4fa05537d8e7eb64d9f8b324203431a8058962eeb847743df7ca', _template_17),
    'pdf/book.html.j2': ('cb3ea2eb4971412466d0a1a7d9ede57e5406b3379f4bd36026ed7e425503007d', _template_18),
}
