"""Session templates: the schema, the built-in library, custom templates.

Qt-free. A template is data (a JSON document); forms, renderings and exports are
generated from it. A session keeps the exact document it was created from.
"""
