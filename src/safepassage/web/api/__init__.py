"""The open API: case data for other systems (a hotline, a shelter, a government system), with
a token per user and exactly the web's scoping by organisation and role."""
