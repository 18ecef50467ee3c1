#!/usr/bin/env python3
"""Deterministic generator of guideline corpora for the guidekit benchmarks.

Writes documents in the guideline vocabulary (urn:guidekit:guideline:1) laid out as
DIR/<guideline-id>/<version>.xml, with realistic Japanese text built from phrase lists of
labour-law and information-security vocabulary.

Modes
  (default)          N guidelines x M clauses, one edition each (version 1.0).
  --pair             two editions per guideline, 1.0 (OLD) and 2.0 (NEW, supersedes 1.0), with
                     --change PCT % of the clauses changed: reworded with small edits, added,
                     removed (declared in <removals>), moved to another section, renumbered.
  --editions E       E consecutive editions per guideline (1.0, 2.0, ... each superseding the
                     previous one), each with --change PCT % of its clauses changed.
  --impact-refs K    cite exactly K provisions drawn from every e-Gov law under --egov DIR and
                     the controls of the OSCAL catalogs under --oscal DIR, pinned to the earliest
                     revision of each source (otherwise a few refs to real provisions are used).

Everything is derived from --seed (default 20250601), so the same arguments give the same bytes.
Standard library only.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

NS = "urn:guidekit:guideline:1"

# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

SUBJECTS = [
    "使用者は、", "事業者は、", "システム・セキュリティ管理者は、", "テレワーク勤務者は、", "経営者は、",
    "労働者は、", "人事労務担当者は、", "情報システム部門は、", "管理監督者は、", "組織は、",
    "委託先を含む関係者は、", "衛生管理者は、", "産業医は、", "労使双方は、",
]

OBJECTS = [
    "テレワーク端末", "VPN装置", "クラウドサービスのアカウント", "業務用データ", "労働時間の記録",
    "多要素認証の設定", "アクセスログ", "就業規則", "健康診断の結果", "時間外労働の状況",
    "中抜け時間の取扱い", "通信の暗号化の設定", "OSやソフトウェアのセキュリティ更新", "私用端末の業務利用",
    "Web会議の参加者", "ファイル共有の権限", "重要情報の持出し", "パスワードの管理", "無線LANの設定",
    "在宅勤務時の作業環境", "長時間労働の防止策", "ストレスチェックの結果", "通勤手当及び通信費の負担",
    "人事評価の基準", "ウイルス対策ソフトの定義ファイル", "特権IDの利用", "バックアップの取得状況",
    "インシデント発生時の連絡体制", "USBメモリ等の外部記録媒体", "リモートデスクトップの接続先",
    "セキュアコンテナの設定", "機器の紛失・盗難時の手順", "深夜労働の申請手続", "休憩時間の付与",
    "年次有給休暇の取得状況", "業務の指示及び報告の方法", "安全衛生教育の内容", "ログの保存期間",
]

ACTIONS = [
    "を適切に管理しなければならない。", "について定期的に確認すること。", "を明確にしておくことが望ましい。",
    "を把握し、記録を保存すること。", "について労使で十分に話し合うことが重要である。",
    "を最新の状態に保つこと。", "について規程を整備し、周知すること。", "の見直しを少なくとも年1回行うこと。",
    "について責任者を定めておくこと。", "に不備がないか点検すること。", "を勤務者に分かりやすく示すこと。",
    "について必要な教育を実施すること。", "を記録し、3年間保存すること。", "の状況を管理者が随時確認できるようにすること。",
    "について、テレワーク勤務者の同意を得たうえで運用すること。", "に関する手順書を作成し、関係者で共有すること。",
]

CONNECTORS = ["また、", "なお、", "このため、", "特に、", "必要に応じて、", "あわせて、", "例えば、", "さらに、", "一方で、"]

REASONS = [
    "情報漏えいのおそれがあるため、", "長時間労働を防止する観点から、", "労働者の健康確保のため、",
    "不正アクセスを防ぐため、", "事業継続の観点から、", "労働時間を適正に把握するため、",
    "脆弱性を悪用した攻撃が増えていることから、", "在宅勤務では上司の目が届きにくいことから、",
    "クラウドサービスの設定不備による流出を防ぐため、", "労働者の私生活との区別を図るため、",
]

EXTRA_SENTENCES = [
    "具体的な方法は、組織の規模や業務の内容に応じて定めるものとする。",
    "この場合において、勤務者の負担が過度にならないよう配慮すること。",
    "詳細は別表のチェックリストを参照すること。",
    "対応状況は記録し、次回の見直しに活用すること。",
    "中小企業においては、外部の専門家の支援を活用することも考えられる。",
    "これらの措置は、テレワークの形態を問わず共通に求められるものである。",
    "疑わしい事象を認めたときは、速やかに管理者に報告すること。",
    "在宅勤務の日数にかかわらず、同様の取扱いとすることが望ましい。",
]

NOTES = [
    "本項の対策は、基本対策として全ての組織で実施することが望ましい。",
    "対象者の範囲については、雇用形態の違いのみを理由として除外しないこと。",
    "ここでいう「端末」には、私用のスマートフォンやタブレットを含む。",
    "実施状況は、情報セキュリティ委員会等において定期的に報告すること。",
    "本項の記述は、令和3年の改定で追加されたものである。",
    "詳細な設定例は、付録の方式別の解説を参照されたい。",
]

ITEMS = [
    "端末の画面ロックを設定すること", "離席時には必ずログオフすること", "公衆無線LANを利用しないこと",
    "業務データを私用のクラウドに保存しないこと", "不審なメールの添付ファイルを開かないこと",
    "始業及び終業の時刻を報告すること", "中抜け時間を記録すること", "深夜に業務用メールを送信しないこと",
    "作業場所の照明と換気を確保すること", "1時間に1回は休憩を取ること", "紛失時は直ちに報告すること",
    "ソフトウェアの更新を延期しないこと", "パスワードを使い回さないこと", "Web会議の録画は許可を得て行うこと",
    "家族等に画面を見られないようにすること", "書類を自宅で廃棄しないこと",
]

TERMS = ["テレワーク", "多要素認証", "ゼロトラスト", "中抜け時間", "事業場外みなし労働時間制", "EDR", "VPN", "セキュアコンテナ"]
EMS = ["必ず", "速やかに", "事前に", "定期的に", "書面により", "全ての"]

TOPICS = [
    ("auth", "アカウント・認証管理"), ("access", "アクセス制御・認可"), ("device", "端末の管理"),
    ("data", "データ保護"), ("malware", "マルウェア対策"), ("network", "通信の保護・暗号化"),
    ("log", "インシデント対応・ログ管理"), ("phys", "物理的セキュリティ"), ("edu", "教育・啓発"),
    ("rule", "ルール整備"), ("time", "労働時間の管理"), ("health", "安全衛生の確保"),
    ("eval", "人事評価"), ("cost", "費用負担"), ("overtime", "長時間労働対策"), ("harass", "ハラスメント対策"),
    ("cloud", "クラウドサービスの利用"), ("vuln", "脆弱性管理"), ("priv", "特権管理"), ("contract", "労働条件の明示"),
]

CLAUSE_TITLES = [
    "{o}の管理", "{o}に関する規程", "{o}の確認", "{o}の記録", "{o}についての留意点", "{o}の見直し",
    "{o}の周知", "{o}の点検",
]

CHAPTER_TITLES = ["総則", "基本的な考え方", "導入に際しての留意点", "労務管理上の留意点", "セキュリティ対策",
                  "方式ごとの解説", "トラブル事例と対策", "安全衛生の確保", "推進体制", "附則"]

# A few real provisions (checked against the shared e-Gov and OSCAL data).
DEFAULT_REFS = [
    ("322AC0000000049", "Art32", "20250601_504AC0000000068", "労働基準法第32条"),
    ("322AC0000000049", "Art38_2/Para1", "20250601_504AC0000000068", "労働基準法第38条の2第1項"),
    ("322AC0000000049", "Art89", "20250601_504AC0000000068", "労働基準法第89条"),
    ("322AC0000000049", "Art109", "20250601_504AC0000000068", "労働基準法第109条"),
    ("322AC0000000049", "Art15/Para1", "20250601_504AC0000000068", "労働基準法第15条第1項"),
    ("347AC0000000057", "Art66_8/Para1", "20260101_507AC0000000033", "労働安全衛生法第66条の8第1項"),
    ("347AC0000000057", "Art69/Para1", "20260101_507AC0000000033", "労働安全衛生法第69条第1項"),
    ("426AC1000000104", "Art2", "20250701_507AC0000000043", "サイバーセキュリティ基本法第2条"),
    ("nist-sp800-53", "ac-17", "rev4", "NIST SP 800-53 AC-17"),
    ("nist-sp800-53", "ia-2", "rev4", "NIST SP 800-53 IA-2"),
]

REWORDINGS = [
    ("しなければならない", "するものとする"), ("望ましい", "求められる"), ("定期的に", "少なくとも年1回"),
    ("確認すること", "点検すること"), ("3年間", "5年間"), ("周知すること", "周知徹底すること"),
    ("勤務者", "テレワーク勤務者"), ("管理者", "システム管理者"), ("端末", "業務用端末"),
    ("重要である", "特に重要である"), ("記録し", "電磁的に記録し"), ("年1回", "半年に1回"),
]

KANJI_DIGITS = "〇一二三四五六七八九"

# ---------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------


@dataclass
class Clause:
    id: str
    num: str
    title: str
    blocks: list  # ("p", [seg]) | ("note", [seg]) | ("list", type, [[seg]...]); seg: str | (kind, ...)
    level: str | None = None
    audience: str | None = None


@dataclass
class Section:
    id: str
    num: str
    title: str
    clauses: list = field(default_factory=list)
    subsections: list = field(default_factory=list)


@dataclass
class Chapter:
    id: str
    num: str
    title: str
    intro: list | None
    sections: list = field(default_factory=list)


@dataclass
class Edition:
    gid: str
    version: str
    supersedes: str | None
    issued: str
    title: str
    issuer: str
    chapters: list
    removals: list = field(default_factory=list)  # (id, into|None, reason)
    summary: list = field(default_factory=list)


class RefPool:
    """Provisions to cite. In impact mode, a fixed list consumed in order (exactly K refs)."""

    def __init__(self, refs, exact: bool):
        self.refs = refs
        self.exact = exact
        self.next = 0

    def take(self, rng: random.Random):
        if self.exact:
            if self.next >= len(self.refs):
                return None
            r = self.refs[self.next]
            self.next += 1
            return r
        return rng.choice(self.refs)


# ---------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------


def sentence(rng: random.Random) -> str:
    s = ""
    r = rng.random()
    if r < 0.3:
        s += rng.choice(CONNECTORS)
    elif r < 0.5:
        s += rng.choice(REASONS)
    s += rng.choice(SUBJECTS) + rng.choice(OBJECTS) + rng.choice(ACTIONS)
    if rng.random() < 0.25:
        s += rng.choice(EXTRA_SENTENCES)
    return s


def seg_len(segs) -> int:
    n = 0
    for s in segs:
        n += len(s) if isinstance(s, str) else len(s[-1])
    return n


def paragraph(rng: random.Random, refs: RefPool, ref_chance: float, lo=50, hi=300) -> list:
    """A paragraph of lo..hi characters, possibly with a <ref>, <em> or <term>."""
    ref = refs.take(rng) if rng.random() < ref_chance else None
    em = rng.choice(EMS) if rng.random() < 0.15 else None
    term = rng.choice(TERMS) if rng.random() < 0.1 else None
    term_text = "とは、本ガイドラインにおいて定義する用語をいう。"
    reserve = (len(ref[3]) + 4 if ref else 0) + (len(em) if em else 0) + (len(term) + len(term_text) if term else 0)
    top = max(lo, hi - reserve)
    target = rng.randint(lo, top)
    segs: list = []
    while True:
        s = sentence(rng)
        if segs and seg_len(segs) + len(s) > top:
            break
        if not segs and len(s) > top:
            continue
        segs.append(s)
        if seg_len(segs) >= target:
            break
    while seg_len(segs) < lo:  # pad with short fixed sentences
        segs.append(rng.choice(EXTRA_SENTENCES))
    if ref is not None:
        src, prov, pin, label = ref
        at = rng.randint(0, len(segs))
        segs[at:at] = ["（", ("ref", src, prov, pin, label), "参照）"]
    if em is not None:
        segs.insert(rng.randint(0, len(segs)), ("em", em))
    if term is not None:
        segs[0:0] = [("term", term), term_text]
    return merge_strings(segs)


def merge_strings(segs: list) -> list:
    out: list = []
    for s in segs:
        if isinstance(s, str) and out and isinstance(out[-1], str):
            out[-1] += s
        else:
            out.append(s)
    return out


def clause_blocks(rng: random.Random, refs: RefPool, ref_chance: float) -> list:
    blocks = [("p", paragraph(rng, refs, ref_chance))]
    if rng.random() < 0.35:
        blocks.append(("p", paragraph(rng, refs, ref_chance)))
    if rng.random() < 0.25:
        n = rng.randint(2, 5)
        ordered = rng.random() < 0.4
        items = [[t + "。"] for t in rng.sample(ITEMS, n)]
        blocks.append(("list", "ordered" if ordered else "bullet", items))
    if rng.random() < 0.15:
        blocks.append(("note", [rng.choice(NOTES)]))
    return blocks


def circled(n: int) -> str:
    return chr(0x2460 + n - 1) if 1 <= n <= 20 else f"({n})"


# ---------------------------------------------------------------------------
# Building a guideline
# ---------------------------------------------------------------------------


def build_guideline(gi: int, clauses: int, rng: random.Random, refs: RefPool, ref_chance: float) -> Edition:
    gid = f"gen-{gi:04d}"
    per_section = 10
    per_chapter_sections = 5
    n_sections = max(1, (clauses + per_section - 1) // per_section)
    n_chapters = max(1, (n_sections + per_chapter_sections - 1) // per_chapter_sections)
    chapters = []
    made = 0
    ci = 0
    serial = 0
    for c in range(1, n_chapters + 1):
        ch = Chapter(id=f"ch-{c}", num=f"第{c}章", title=CHAPTER_TITLES[(c - 1) % len(CHAPTER_TITLES)]
                     + ("" if c <= len(CHAPTER_TITLES) else f"（その{(c - 1) // len(CHAPTER_TITLES) + 1}）"),
                     intro=paragraph(rng, refs, 0.0) if rng.random() < 0.3 else None)
        for s in range(1, per_chapter_sections + 1):
            if made >= clauses:
                break
            topic = TOPICS[(ci) % len(TOPICS)]
            ci += 1
            sec = Section(id=f"ch-{c}-{s}", num=f"{c}-{s}", title=topic[1])
            want = min(per_section, clauses - made)
            # Occasionally nest a subsection holding the last few clauses.
            nest = want >= 6 and rng.random() < 0.2
            target = sec.clauses
            for k in range(1, want + 1):
                if nest and k == want - 2:
                    sub = Section(id=f"ch-{c}-{s}-1", num=f"{c}-{s}-1", title=topic[1] + "の細目")
                    sec.subsections.append(sub)
                    target = sub.clauses
                serial += 1
                obj = rng.choice(OBJECTS)
                cl = Clause(
                    id=f"m-{topic[0]}-{serial:05d}",
                    num=f"({len(target) + 1})",
                    title=rng.choice(CLAUSE_TITLES).format(o=obj),
                    blocks=clause_blocks(rng, refs, ref_chance),
                    level=rng.choice([None, "basic", "advanced"]),
                    audience=rng.choice([None, "admin", "worker", "admin worker", "employer", "employer employee", "executive"]),
                )
                target.append(cl)
                made += 1
            ch.sections.append(sec)
        chapters.append(ch)
    year = 2018 + gi % 7
    return Edition(
        gid=gid, version="1.0", supersedes=None, issued=f"{year}-04-01",
        title=f"テレワーク関係ガイドライン（生成{gi:04d}）", issuer=rng.choice(["総務省", "厚生労働省", "経済産業省"]),
        chapters=chapters,
    )


def all_sections(ed: Edition):
    for ch in ed.chapters:
        stack = list(ch.sections)
        while stack:
            s = stack.pop(0)
            yield s
            stack[0:0] = s.subsections


def all_clauses(ed: Edition):
    for s in all_sections(ed):
        for c in s.clauses:
            yield s, c


def used_nums(sec: Section) -> set:
    return {c.num for c in sec.clauses} | {s.num for s in sec.subsections}


def reword(blocks: list, rng: random.Random) -> list:
    """Small edits: substitute a word, insert or drop a sentence, change a paragraph's ending."""
    import copy

    blocks = copy.deepcopy(blocks)
    ps = [i for i, b in enumerate(blocks) if b[0] in ("p", "note")]
    i = rng.choice(ps)
    segs = blocks[i][1]
    texts = [k for k, s in enumerate(segs) if isinstance(s, str) and len(s) > 10]
    edits = rng.randint(1, 3)
    for _ in range(edits):
        op = rng.random()
        if texts and op < 0.5:
            k = rng.choice(texts)
            for a, b in rng.sample(REWORDINGS, len(REWORDINGS)):
                if a in segs[k]:
                    segs[k] = segs[k].replace(a, b, 1)
                    break
            else:
                segs[k] = rng.choice(CONNECTORS) + segs[k]
        elif op < 0.8 and seg_len(segs) < 250:
            segs.append(rng.choice(EXTRA_SENTENCES))
        elif texts:
            k = rng.choice(texts)
            parts = [p for p in re.split(r"(?<=。)", segs[k]) if p]
            drop = rng.randrange(len(parts)) if len(parts) > 1 else None
            if drop is not None and seg_len(segs) - len(parts[drop]) >= 50:
                del parts[drop]
                segs[k] = "".join(parts)
            else:
                segs[k] = rng.choice(CONNECTORS) + segs[k]
    blocks[i] = (blocks[i][0], merge_strings(segs))
    return blocks


def next_edition(prev: Edition, version: str, change: float, rng: random.Random, refs: RefPool,
                 ref_chance: float, serial_base: int) -> Edition:
    """A new edition with `change` % of the clauses changed (mix of kinds)."""
    import copy

    ed = copy.deepcopy(prev)
    ed.version = version
    ed.supersedes = prev.version
    y, m, d = (int(x) for x in prev.issued.split("-"))
    ed.issued = f"{y + 1}-{m:02d}-{d:02d}"
    ed.removals = []
    pairs = list(all_clauses(ed))
    n = len(pairs)
    k = max(1, round(n * change / 100.0))
    # Mix: 55 % reworded, 12 % added, 10 % removed, 12 % moved, 11 % renumbered.
    kinds = (["reword"] * 55 + ["add"] * 12 + ["remove"] * 10 + ["move"] * 12 + ["renumber"] * 11)
    plan = [kinds[int(i * len(kinds) / k)] if k < len(kinds) else rng.choice(kinds) for i in range(k)]
    rng.shuffle(plan)
    chosen = rng.sample(range(n), min(k, n))
    sections = list(all_sections(ed))
    removed_ids = set()
    serial = serial_base
    counts = {x: 0 for x in ("reword", "add", "remove", "move", "renumber")}
    for what, idx in zip(plan, chosen):
        sec, cl = pairs[idx]
        if cl.id in removed_ids or cl not in sec.clauses:
            continue
        if what == "reword":
            cl.blocks = reword(cl.blocks, rng)
        elif what == "add":
            serial += 1
            pos = sec.clauses.index(cl)
            base = cl.num.strip("()")
            num = f"({base}の2)"
            j = 2
            while num in used_nums(sec):
                j += 1
                num = f"({base}の{j})"
            new = Clause(id=f"m-new-{version.replace('.', '-')}-{serial:05d}", num=num,
                         title=rng.choice(CLAUSE_TITLES).format(o=rng.choice(OBJECTS)),
                         blocks=clause_blocks(rng, refs, ref_chance), level="basic")
            sec.clauses.insert(pos + 1, new)
        elif what == "remove":
            if len(sec.clauses) <= 1:
                continue
            sec.clauses.remove(cl)
            removed_ids.add(cl.id)
            ed.removals.append((cl.id, None, "実態に合わせて削除した。"))
        elif what == "move":
            if len(sec.clauses) <= 1:
                continue
            dest = rng.choice([s for s in sections if s is not sec] or [sec])
            sec.clauses.remove(cl)
            nums = used_nums(dest)
            j = len(dest.clauses) + 1
            while f"({j})" in nums:
                j += 1
            cl.num = f"({j})"
            dest.clauses.append(cl)
        elif what == "renumber":
            nums = used_nums(sec)
            base = cl.num.strip("()")
            num = f"(第{base})"
            j = 1
            while num in nums:
                j += 1
                num = f"(第{base}-{j})"
            cl.num = num
        counts[what] += 1
    ed.summary = [
        ("p", [f"第{prev.version}版からの改定。{counts['reword']}項目の記述を見直し、{counts['add']}項目を追加し、"
               f"{counts['remove']}項目を削除し、{counts['move']}項目を移動し、{counts['renumber']}項目の番号を改めた。"])
    ]
    return ed


# ---------------------------------------------------------------------------
# Serialisation
# ---------------------------------------------------------------------------


def inline(segs) -> str:
    out = []
    for s in segs:
        if isinstance(s, str):
            out.append(escape(s))
        elif s[0] == "ref":
            _, src, prov, pin, label = s
            out.append(f"<ref source={quoteattr(src)} provision={quoteattr(prov)} pin={quoteattr(pin)}>{escape(label)}</ref>")
        elif s[0] == "em":
            out.append(f"<em>{escape(s[1])}</em>")
        elif s[0] == "term":
            out.append(f"<term>{escape(s[1])}</term>")
    return "".join(out)


def blocks_xml(blocks, ind: str) -> list:
    lines = []
    for b in blocks:
        if b[0] == "p":
            lines.append(f"{ind}<p>{inline(b[1])}</p>")
        elif b[0] == "note":
            lines.append(f"{ind}<note>{inline(b[1])}</note>")
        elif b[0] == "list":
            ordered = b[1] == "ordered"
            lines.append(f'{ind}<list type="ordered">' if ordered else f"{ind}<list>")
            for n, item in enumerate(b[2], 1):
                num = f' num="{circled(n)}"' if ordered else ""
                lines.append(f"{ind}  <item{num}>{inline(item)}</item>")
            lines.append(f"{ind}</list>")
    return lines


def section_xml(sec: Section, ind: str) -> list:
    lines = [f'{ind}<section id="{sec.id}" num={quoteattr(sec.num)}>', f"{ind}  <title>{escape(sec.title)}</title>"]
    for cl in sec.clauses:
        attrs = f'id="{cl.id}" num={quoteattr(cl.num)}'
        if cl.level:
            attrs += f' level="{cl.level}"'
        if cl.audience:
            attrs += f' audience="{cl.audience}"'
        lines.append(f"{ind}  <clause {attrs}>")
        lines.append(f"{ind}    <title>{escape(cl.title)}</title>")
        lines += blocks_xml(cl.blocks, ind + "    ")
        lines.append(f"{ind}  </clause>")
    for sub in sec.subsections:
        lines += section_xml(sub, ind + "  ")
    lines.append(f"{ind}</section>")
    return lines


def edition_xml(ed: Edition) -> str:
    sup = f' supersedes="{ed.supersedes}"' if ed.supersedes else ""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<guideline xmlns="{NS}" xml:lang="ja"',
        f'           id="{ed.gid}" version="{ed.version}"{sup}',
        f'           issued="{ed.issued}" effective="{ed.issued}">',
        f"  <title>{escape(ed.title)}（第{ed.version}版）</title>",
        f"  <issuer>{escape(ed.issuer)}</issuer>",
        f"  <contact>{escape(ed.issuer)} 担当課（ベンチマーク用の生成データ）</contact>",
    ]
    if ed.summary:
        lines.append("  <summary>")
        lines += blocks_xml(ed.summary, "    ")
        lines.append("  </summary>")
    if ed.removals:
        lines.append("  <removals>")
        for rid, into, reason in ed.removals:
            into_attr = f' into="{into}"' if into else ""
            lines.append(f'    <removed id="{rid}"{into_attr}>{escape(reason)}</removed>')
        lines.append("  </removals>")
    for ch in ed.chapters:
        lines.append(f'  <chapter id="{ch.id}" num={quoteattr(ch.num)}>')
        lines.append(f"    <title>{escape(ch.title)}</title>")
        if ch.intro:
            lines.append(f"    <p>{inline(ch.intro)}</p>")
        for sec in ch.sections:
            lines += section_xml(sec, "    ")
        lines.append("  </chapter>")
    lines.append("</guideline>")
    return "\n".join(lines) + "\n"


def write(out: str, ed: Edition) -> str:
    folder = os.path.join(out, ed.gid)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{ed.version}.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(edition_xml(ed))
    return path


# ---------------------------------------------------------------------------
# Impact references: real provisions from the shared e-Gov and OSCAL data
# ---------------------------------------------------------------------------

EGOV_NAME = re.compile(r"^(\d{3}[A-Z]{2}\d{10})_(\d{8})_([0-9A-Z]+)\.xml$")


def arabic_label(num: str) -> str:
    parts = num.split("_")
    return f"第{parts[0]}条" + "".join(f"の{p}" for p in parts[1:])


def egov_provisions(folder: str):
    """{law_id: (pin, title, [(provision, label)])} from the earliest revision of each law."""
    earliest = {}
    for root, _, files in os.walk(folder):
        for name in files:
            m = EGOV_NAME.match(name)
            if not m:
                continue
            law, date, amend = m.groups()
            key = (date, amend)
            if law not in earliest or key < earliest[law][0]:
                earliest[law] = (key, os.path.join(root, name))
    out = {}
    for law, ((date, amend), path) in sorted(earliest.items()):
        tree = ET.parse(path)
        r = tree.getroot()
        title_el = r.find(".//LawTitle")
        title = (title_el.text or law).strip() if title_el is not None else law
        main = r.find(".//MainProvision")
        provs = []
        if main is not None:
            for art in main.iter("Article"):
                num = art.get("Num")
                if not num or not re.fullmatch(r"\d+(_\d+)*", num):
                    continue
                label = arabic_label(num)
                provs.append((f"Art{num}", f"{title}{label}"))
                paras = [p.get("Num") for p in art.findall("Paragraph") if p.get("Num")]
                if len(paras) > 1:
                    for pn in paras:
                        if re.fullmatch(r"\d+", pn):
                            provs.append((f"Art{num}/Para{pn}", f"{title}{label}第{pn}項"))
        out[law] = (f"{date}_{amend}", title, provs)
    return out


def oscal_controls(folder: str):
    """{source: (earliest revision, [(control id, label)])}: catalogs laid out as <source>/<revision>.xml."""
    out = {}
    for source in sorted(os.listdir(folder)):
        d = os.path.join(folder, source)
        if not os.path.isdir(d):
            continue
        revs = sorted((f[:-4] for f in os.listdir(d) if f.endswith(".xml")), key=natural_key)
        if not revs:
            continue
        rev = revs[0]
        tree = ET.parse(os.path.join(d, rev + ".xml"))
        controls = []
        for el in tree.getroot().iter():
            if el.tag.endswith("}control") or el.tag == "control":
                cid = el.get("id")
                if cid and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_\-.]*", cid):
                    controls.append((cid, f"NIST SP 800-53 {cid.upper()}"))
        out[source] = (rev, controls)
    return out


def natural_key(s: str):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", s)]


def impact_refs(k: int, egov: str, oscal: str, rng: random.Random) -> list:
    laws = egov_provisions(egov) if egov else {}
    cats = oscal_controls(oscal) if oscal else {}
    pools = []
    for law, (pin, _, provs) in laws.items():
        if provs:
            pools.append([(law, p, pin, label) for p, label in provs])
    for source, (rev, controls) in cats.items():
        if controls:
            pools.append([(source, cid, rev, label) for cid, label in controls])
    if not pools:
        sys.exit("generate_corpus.py: no provisions found for --impact-refs")
    # Laws get 60 % of the refs (spread evenly over every law), catalogs 40 %.
    law_pools = pools[: len([1 for v in laws.values() if v[2]])]
    cat_pools = pools[len(law_pools):]
    n_cat = round(k * 0.4) if cat_pools and law_pools else (k if cat_pools else 0)
    n_law = k - n_cat
    refs = []
    for pools_, n in ((law_pools, n_law), (cat_pools, n_cat)):
        for i, pool in enumerate(pools_):
            share = n // len(pools_) + (1 if i < n % len(pools_) else 0)
            picks = rng.sample(pool, min(share, len(pool)))
            while len(picks) < share:
                picks.append(rng.choice(pool))
            refs += picks
    rng.shuffle(refs)
    return refs


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--guidelines", type=int, default=1, help="number of guidelines (N)")
    ap.add_argument("--clauses", type=int, default=200, help="clauses per guideline (M)")
    ap.add_argument("--out", required=True, help="output folder (DIR/<id>/<version>.xml)")
    ap.add_argument("--seed", type=int, default=20250601)
    ap.add_argument("--pair", action="store_true", help="write OLD (1.0) and NEW (2.0) editions")
    ap.add_argument("--change", type=float, default=5.0, help="%% of clauses changed per edition (default 5)")
    ap.add_argument("--editions", type=int, default=0, help="write E consecutive editions per guideline")
    ap.add_argument("--impact-refs", type=int, default=0, help="cite exactly K real provisions (impact corpus)")
    ap.add_argument("--egov", default="/work/shared/data/egov/laws", help="e-Gov law folder for --impact-refs")
    ap.add_argument("--oscal", default="/work/shared/data/oscal/catalogs", help="OSCAL catalogs folder for --impact-refs")
    ap.add_argument("--ref-chance", type=float, default=0.08, help="chance that a paragraph cites a provision")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()

    if a.guidelines < 1 or a.clauses < 1:
        ap.error("--guidelines and --clauses must be at least 1")
    editions = 2 if a.pair else max(1, a.editions)

    master = random.Random(a.seed)
    if a.impact_refs:
        refs = RefPool(impact_refs(a.impact_refs, a.egov, a.oscal, random.Random(a.seed ^ 0x5EED)), exact=True)
        total_paras = a.guidelines * a.clauses
        ref_chance = min(1.0, a.impact_refs / max(1, total_paras) * 1.6)
    else:
        refs = RefPool(DEFAULT_REFS, exact=False)
        ref_chance = a.ref_chance

    os.makedirs(a.out, exist_ok=True)
    written = 0
    size = 0
    for gi in range(1, a.guidelines + 1):
        rng = random.Random(master.randrange(1 << 62) ^ gi)
        ed = build_guideline(gi, a.clauses, rng, refs, ref_chance)
        paths = [write(a.out, ed)]
        for e in range(2, editions + 1):
            ed = next_edition(ed, f"{e}.0", a.change, rng, refs if not refs.exact else RefPool([], True),
                              ref_chance, serial_base=e * 100000)
            paths.append(write(a.out, ed))
        written += len(paths)
        size += sum(os.path.getsize(p) for p in paths)

    if a.impact_refs:
        # Place whatever refs are left (paragraph chance is random) into the first clauses' paragraphs.
        leftover = refs.refs[refs.next:]
        if leftover:
            append_refs(a.out, leftover)
    if not a.quiet:
        print(f"generate_corpus.py: {written} files, {size / 1e6:.1f} MB in {a.out}", file=sys.stderr)
    return 0


def append_refs(out: str, leftover: list) -> None:
    """Adds the remaining impact refs as an extra paragraph to clauses, one ref per clause."""
    files = []
    for root, _, names in os.walk(out):
        files += [os.path.join(root, n) for n in names if n.endswith(".xml")]
    files.sort()
    per_file = (len(leftover) + len(files) - 1) // len(files)
    for path in files:
        if not leftover:
            break
        take, leftover = leftover[:per_file], leftover[per_file:]
        with open(path, encoding="utf-8") as f:
            text = f.read()
        positions = [m.end() for m in re.finditer(r"</title>\n(?=\s*<p>)", text)]
        # Insert after the title of successive clauses (only clause titles are followed by <p> here
        # once the first few chapter-level titles are skipped; the schema allows p after any title).
        pieces = []
        last = 0
        for pos, (src, prov, pin, label) in zip(positions[1:], take):
            pieces.append(text[last:pos])
            pieces.append(f"        <p>この項目は<ref source={quoteattr(src)} provision={quoteattr(prov)} "
                          f"pin={quoteattr(pin)}>{escape(label)}</ref>に基づく。</p>\n")
            last = pos
        pieces.append(text[last:])
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(pieces))


if __name__ == "__main__":
    sys.exit(main())
