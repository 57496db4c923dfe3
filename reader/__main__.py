"""`python -m reader` runs the same command line as `zhreader`."""

import sys

from reader.cli import main

# The guard matters: conversion worker processes are spawned, and spawning
# imports the parent's main module again.
if __name__ == "__main__":
    sys.exit(main())
