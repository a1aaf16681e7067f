"""Rendering: the only layer that knows about terminals, colours, JSON and text formats."""
