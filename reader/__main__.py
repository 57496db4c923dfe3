"""`python -m reader` runs the same command line as `zhreader`."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
