"""Offline geography: distances, datum conversions, located points and the address resolver.

No Qt, no network at import; geopy is imported lazily. See README.md.
"""

from .distance import geodesic_km, haversine_km
from .location import DISTRICT, EXACT, TOWN, Location, in_wenzhou

__all__ = ["DISTRICT", "EXACT", "TOWN", "Location", "geodesic_km", "haversine_km", "in_wenzhou"]
