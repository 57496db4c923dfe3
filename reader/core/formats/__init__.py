"""Readers that turn one kind of input file into a `Document`."""
