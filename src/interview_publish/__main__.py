"""`python -m interview_publish` runs the command line."""

from .cli import run

run()
