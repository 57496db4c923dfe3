"""Readers that turn one input format into a `Document`."""
