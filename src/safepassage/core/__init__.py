"""The domain core. It never imports Django: the web edge maps to and from these objects."""
