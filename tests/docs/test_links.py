"""Every link and image in the README, the user guides and the other docs points at a file that
exists (and, for ``file.md#anchor``, at a heading there): a renamed screenshot or section must
not leave the coordinators' guide with a broken picture or a dead table of contents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guide"
DOCS = sorted(
    {ROOT / "README.md", ROOT / "installer" / "README.md", *(ROOT / "docs").rglob("*.md")}
)
# [text](target) and ![alt](target); a title after the target ("...") is allowed.
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(md: Path) -> set[str]:
    text = FENCE.sub("", md.read_text("utf-8"))
    return {slug(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, re.M)}


def links(md: Path) -> list[str]:
    return LINK.findall(FENCE.sub("", md.read_text("utf-8")))


def test_the_guides_exist_and_are_linked_from_the_readme():
    assert (GUIDE / "用户指南.md").is_file() and (GUIDE / "user-guide.md").is_file()
    readme = links(ROOT / "README.md")
    assert "docs/guide/用户指南.md" in readme and "docs/guide/user-guide.md" in readme


@pytest.mark.parametrize("md", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_and_image_exists(md: Path):
    broken = []
    for target in links(md):
        if re.match(r"^[a-z]+:", target):  # http(s), mailto: not checked offline
            continue
        path_part, _, anchor = target.partition("#")
        path = (md.parent / path_part).resolve() if path_part else md
        if not path.exists():
            broken.append(f"{target}: no such file")
        elif anchor and path.suffix == ".md" and anchor not in anchors(path):
            broken.append(f"{target}: no heading with that anchor in {path.name}")
    assert broken == []


def test_every_screenshot_in_the_guide_folder_is_used():
    used = {Path(t).name for md in GUIDE.glob("*.md") for t in links(md)}
    unused = sorted(p.name for p in (GUIDE / "images").glob("*.png") if p.name not in used)
    assert unused == []


def test_links_are_found_and_anchors_computed_as_github_does(tmp_path):
    page = tmp_path / "p.md"
    page.write_text(
        "# 7. 选派与调度：科技副总、专家匹配\n## Linux 桌面 / System libs\n"
        '![a](img/x.png) [b](other.md#top "t")\n```\n[not](a/link.md)\n```\n',
        "utf-8",
    )
    assert links(page) == ["img/x.png", "other.md#top"]
    assert anchors(page) == {"7-选派与调度科技副总专家匹配", "linux-桌面--system-libs"}
