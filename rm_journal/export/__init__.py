"""What may leave the device, on purpose: PDFs and exchange files (Qt-free)."""
