"""`python -m interview_publish` runs the command line."""

import gc
import sys

from .cli import main

code = main()
# The process ends here: what the command loaded (templates, libraries, the book) is left to the system, instead
# of the interpreter's exit collecting it object by object (a tenth of an EPUB build of 100 interviews).
gc.freeze()
sys.exit(code)
