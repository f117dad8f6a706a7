"""Renderers turn the content model into files. They never see source text or import readers."""
