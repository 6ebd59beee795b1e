"""The exchange dialogs for ``dispatch-app screenshot``: the import wizard's first three pages on
a small spreadsheet with a few mistakes, the export dialog and the bundle dialog.

The wizard only goes as far as its check (a dry run): a screenshot run never writes into the
database it shows.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ... import clock

Shoot = Callable[[Any, str], Path]  # (widget, name) -> the PNG written


def sample_csv(folder: Path) -> Path:
    """An enterprise list as a district office keeps it: GB18030, a title row above the
    header, an extra 备注 column, and three rows a coordinator has to fix."""
    from ...domain.uscc import make_uscc

    good = [make_uscc("9", "1", "330382", f"MA2K{n:03d}X") for n in range(1, 5)]
    broken = good[0][:-1] + ("0" if good[0][-1] != "0" else "1")
    rows = [
        ["乐清市科技型企业名录（2026年11月）"],
        ["企业名称", "统一社会信用代码", "所属区县", "所属行业", "联系人", "联系电话", "备注"],
        ["乐清市华研电气有限公司", good[1], "乐清市", "电气", "陈立新", "13857712345", ""],
        ["乐清市东润阀门有限公司", good[2], "乐清市", "泵阀", "郑海燕", "0577-62781234", ""],
        ["乐清市精工模具有限公司", good[3], "乐清", "模具", "林志远", "138 5771 2399", "新增"],
        ["乐清市明辉电子有限公司", broken, "乐清市", "电子", "黄晓东", "13857710001", "核对"],
        ["乐清市天成智能装备有限公司", "", "火星区", "智能装备", "周强", "1385771", ""],
    ]
    path = folder / "乐清市企业名录.csv"
    with path.open("w", encoding="gb18030", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def shoot_exchange(window: Any, folder: Path, shoot: Shoot, wait: Callable[..., bool]) -> None:
    """Show each dialog, let ``shoot`` grab it, close it."""
    from .export_dialog import BundleDialog, ExportDialog
    from .import_wizard import ImportWizard

    wizard = ImportWizard(window, "enterprises", str(sample_csv(folder)))
    wizard.show()
    shoot(wizard, "import-1-file")
    wizard.next()
    shoot(wizard, "import-2-columns")
    wizard.next()
    wait(lambda: wizard.check_page.result is not None and not window.tasks_running())
    shoot(wizard, "import-3-check")
    wizard.reject()
    wizard.deleteLater()

    export = ExportDialog(window, "visits")
    export.path.setText("入企服务记录.csv")
    export.show()
    shoot(export, "export")
    export.reject()
    export.deleteLater()

    bundle = BundleDialog(window)
    bundle.district.setCurrentIndex(max(bundle.district.findData("330382"), 0))
    name = bundle.district.currentText()
    bundle.path.setText(f"{name}_{clock.today():%Y-%m}.zip")
    bundle.show()
    shoot(bundle, "bundle")
    bundle.reject()
    bundle.deleteLater()
