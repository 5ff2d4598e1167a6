"""SafePassage: screening, response planning and case management for migrant workers."""

__version__ = "0.1.0"
