"""signalstack kernel: settings, database, schema, audit and the command line."""

__version__ = "0.1.0"
