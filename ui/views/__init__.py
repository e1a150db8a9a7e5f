"""Page bodies (each exposes render())."""
