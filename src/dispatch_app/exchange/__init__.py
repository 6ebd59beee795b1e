"""Exchange with the bureau: CSV/XLSX import and export, monthly bundles, the bureau's merge.

Plain Python (no Qt). The public entry points:

- ``importer.import_file(store, kind, path, ImportOptions(...)) -> ImportResult``
- ``importer.preview(path, kind, sheet=None)`` (the wizard's first look at a file)
- ``exporter.export_kind(store, kind, out, ExportOptions(...)) -> ExportResult``
- ``bundle.make_bundle(store, out, district=, month=) -> BundleResult``
- ``merge.merge_bundles(store, paths) -> MergeResult``
- ``error_report.write_error_report(path, problems)``

See README.md beside this file for the column names, identities, the formula guard and limits.
"""

from .columns import DEPENDENCY_ORDER, SPECS

__all__ = ["DEPENDENCY_ORDER", "SPECS"]
