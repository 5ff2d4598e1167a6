"""The web edge: a Django project that maps HTTP to and from the core."""
