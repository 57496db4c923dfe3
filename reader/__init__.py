"""ZhReader: a desktop reader for Chinese documents."""

__version__ = "0.1.0"
APP_NAME = "ZhReader"
