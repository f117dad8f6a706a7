"""interview-publish: interview transcripts to EPUB 3, print PDF and HTML from one content model."""

__version__ = "0.1.0"
