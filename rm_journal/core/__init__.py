"""The Qt-free core: domain, storage and cryptography.

Nothing in this package imports PySide6 (a test walks the imports). The GUI and
the command line are two thin faces over the same functions.
"""
