"""The demo data generator: a believable, deterministic city-year of Wenzhou data."""

from .generator import DemoSummary, generate_demo

__all__ = ["DemoSummary", "generate_demo"]
