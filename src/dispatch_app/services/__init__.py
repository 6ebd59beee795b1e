"""Services: what a user does (register, log a visit, appoint, close a follow-up, progress).

Each write validates with the domain, then runs inside one ``store.atomic()`` transaction.
The GUI and the command line call these; neither holds a business rule of its own.
"""
