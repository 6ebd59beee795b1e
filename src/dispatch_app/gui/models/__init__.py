"""Qt item models over store.listing: they hold fetched rows and page in more on scroll."""
