"""Fieldbook sync merge rules: an independent reference implementation.

Written from the rules in the sync design brief (Protocol/SYNC.md once
published), not from the Swift sources, to show that the rules are complete
enough for a second implementation. Python standard library only.

Everything on the wire is compared as data, never as "text that looks the
same": replica IDs, slot paths, element and item IDs, position keys and string
values compare by their UTF-8 bytes (for Python `str` that is code point
order), and two values are equal only if they have the same JSON type and the
same content (`1`, `true` and `"1"` are three different values; Unicode NFC
and NFD spellings of a word are different values).

Model (see the brief):

* Dot ``"replica:counter"``: the counter-th change of a replica.
* HLC time: 16 lowercase hex digits (48-bit ms, 16-bit logical).
* Record ID: 1-128 ASCII characters from ``A-Z a-z 0-9 _ - . :``; entity
  name: ``[a-z][a-z0-9_]{0,63}``.
* Slot path: ``field``, ``field/element`` or ``field/item/member``; names
  match ``[A-Za-z_@][A-Za-z0-9_]*``; the element/item segment is non-empty and
  escapes ``%`` as ``%25`` and ``/`` as ``%2F``. Names starting with ``@`` are
  reserved: only the field ``@deleted`` (the tombstone slot, alone) and the
  member ``@pos`` (a list item's position) exist.
* Register (per slot): live entries ``{dot, time, value, covers}`` plus the
  set of dots known to be overwritten (``superseded``). Applying an op adds its
  ``supersedes`` to ``superseded`` and drops those entries, then (if the op
  carries a value and its dot is neither live nor superseded) adds an entry.
  Joining two registers: union of entries minus union of superseded.
* Winner among live entries: greater time, then greater replica ID
  (bytewise), then greater counter.
* Field conflict: a slot's live entries hold at least two distinct values.
  Delete/edit conflict: the winning ``@deleted`` entry is ``true`` and some live
  entry of another slot is not covered by the union of ``covers`` of the live
  ``true`` entries of ``@deleted``.
* Stability frontier: a change whose dot is <= the frontier is ignored, and
  superseded dots <= the frontier are forgotten (on apply and on compaction):
  those changes can only come back as duplicates, which are ignored.
* Receiving a change: decode it (wire syntax; `decode_change`), ignore it if
  its dot is known or <= the frontier, check its structure (`validate_change`),
  apply it. A change refused at any step leaves no trace.
* Clock: the replica's HLC moves past the time of every change applied and
  of every entry in a joined state; a local change at physical time p gets
  max((p, 0), last + 1).
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Iterable

DELETED = "@deleted"
POSITION = "@pos"
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

_REPLICA = re.compile(r"[A-Za-z0-9_-]{1,64}\Z", re.ASCII)
_NAME = re.compile(r"[A-Za-z_@][A-Za-z0-9_]*\Z", re.ASCII)
_TIME = re.compile(r"[0-9a-f]{16}\Z", re.ASCII)
_COUNTER = re.compile(r"[1-9][0-9]{0,18}\Z", re.ASCII)
_RECORD_ID = re.compile(r"[A-Za-z0-9_.:-]{1,128}\Z", re.ASCII)
_ENTITY = re.compile(r"[a-z][a-z0-9_]{0,63}\Z", re.ASCII)
MAX_COUNTER = 2**63 - 1
MAX_MILLIS = 2**48 - 1


class SyncRuleError(ValueError):
    """A change, state or vector breaks a structural rule."""


class DecodeError(SyncRuleError):
    """Wire JSON that does not decode as a change at all. `at` is a JSON
    pointer to the offending value ("/ops/0/slot"), or to the operation when
    its keys do not fit together ("/ops/0")."""

    def __init__(self, at: str, message: str) -> None:
        super().__init__(f"{at or '/'}: {message}")
        self.at = at


# ---------------------------------------------------------------------------
# Identifiers, times, values


def utf8(text: str) -> bytes:
    return text.encode("utf-8")


def parse_dot(text: str) -> tuple[str, int]:
    """``"anna:3"`` -> ``("anna", 3)``; the replica is everything before the last colon."""
    if not isinstance(text, str):
        raise SyncRuleError(f"dot must be a string, got {text!r}")
    replica, colon, counter = text.rpartition(":")
    if not colon or not _REPLICA.match(replica) or not _COUNTER.match(counter) or int(counter) > MAX_COUNTER:
        raise SyncRuleError(f"invalid dot {text!r}: expected replica:counter, counter 1 ... 2^63-1 without sign or leading zero")
    return (replica, int(counter))


def format_dot(dot: tuple[str, int]) -> str:
    return f"{dot[0]}:{dot[1]}"


def dot_order(dot: tuple[str, int]) -> tuple[bytes, int]:
    """Canonical order of dots (for encodings): replica bytewise, then counter."""
    return (utf8(dot[0]), dot[1])


def parse_time(text: str) -> int:
    if not isinstance(text, str) or not _TIME.match(text):
        raise SyncRuleError(f"invalid HLC time {text!r}")
    return int(text, 16)


def format_time(millis: int, logical: int = 0) -> str:
    if not (0 <= millis < 2**48 and 0 <= logical < 2**16):
        raise SyncRuleError("HLC time out of range")
    return f"{millis:012x}{logical:04x}"


def check_value(value: Any) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            raise SyncRuleError("integer value outside int64")
        return value
    raise SyncRuleError(f"value must be null, boolean, int64 or string, got {type(value).__name__}")


def value_key(value: Any) -> tuple[str, Any]:
    """A hashable, type-tagged identity of a value (so True != 1 and 1 != "1")."""
    if value is None:
        return ("null", None)
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        return ("int", value)
    return ("text", value)


def same_value(a: Any, b: Any) -> bool:
    return value_key(a) == value_key(b)


# ---------------------------------------------------------------------------
# Slots


def escape_segment(text: str) -> str:
    return text.replace("%", "%25").replace("/", "%2F")


def unescape_segment(text: str) -> str:
    out = []
    i = 0
    while i < len(text):
        if text.startswith("%25", i):
            out.append("%")
            i += 3
        elif text.startswith("%2F", i):
            out.append("/")
            i += 3
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _valid_escaped(segment: str) -> bool:
    if not segment:
        return False
    i = 0
    while True:
        j = segment.find("%", i)
        if j < 0:
            return True
        if segment[j : j + 3] not in ("%25", "%2F"):
            return False
        i = j + 3


def parse_slot(path: str) -> tuple[str, str | None, str | None]:
    """Validates a slot path; returns (field, decoded element/item or None, member or None)."""
    if not isinstance(path, str):
        raise SyncRuleError(f"slot must be a string, got {path!r}")
    parts = path.split("/")  # '/' is one byte in UTF-8: splitting code points == splitting bytes
    if not 1 <= len(parts) <= 3 or not _NAME.match(parts[0]):
        raise SyncRuleError(f"invalid slot {path!r}")
    if len(parts) >= 2 and not _valid_escaped(parts[1]):
        raise SyncRuleError(f"invalid slot {path!r}")
    if len(parts) == 3 and not _NAME.match(parts[2]):
        raise SyncRuleError(f"invalid slot {path!r}")
    # Names starting with '@' are reserved: only the field '@deleted' (alone) and the member '@pos'.
    if parts[0].startswith("@") and path != DELETED:
        raise SyncRuleError(f"invalid slot {path!r}: reserved field name")
    if len(parts) == 3 and parts[2].startswith("@") and parts[2] != POSITION:
        raise SyncRuleError(f"invalid slot {path!r}: reserved member name")
    element = unescape_segment(parts[1]) if len(parts) >= 2 else None
    member = parts[2] if len(parts) == 3 else None
    return (parts[0], element, member)


def element_slot(field: str, element: str) -> str:
    return f"{field}/{escape_segment(element)}"


def member_slot(field: str, item: str, member: str) -> str:
    return f"{field}/{escape_segment(item)}/{member}"


# ---------------------------------------------------------------------------
# Registers


class Entry:
    __slots__ = ("dot", "time", "value", "covers")

    def __init__(self, dot: tuple[str, int], time: str, value: Any, covers: Iterable[tuple[str, int]] = ()):
        self.dot = dot
        self.time = time
        self.value = value
        self.covers = frozenset(covers)

    def rank(self) -> tuple[int, bytes, int]:
        """Greater rank wins: time, then replica ID bytes, then counter."""
        return (parse_time(self.time), utf8(self.dot[0]), self.dot[1])

    def to_json(self) -> dict:
        out = {"dot": format_dot(self.dot), "time": self.time, "value": self.value}
        if self.covers:
            out["covers"] = [format_dot(d) for d in sorted(self.covers, key=dot_order)]
        return out

    @staticmethod
    def from_json(obj: dict) -> "Entry":
        parse_time(obj["time"])
        return Entry(
            parse_dot(obj["dot"]),
            obj["time"],
            check_value(obj["value"]),
            (parse_dot(d) for d in obj.get("covers") or []),
        )

    def same(self, other: "Entry") -> bool:
        return (
            self.dot == other.dot
            and self.time == other.time
            and same_value(self.value, other.value)
            and self.covers == other.covers
        )


class Register:
    """Optimised causal multi-value register."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, int], Entry] = {}
        self.superseded: set[tuple[str, int]] = set()

    def apply(self, dot, time: str, value_present: bool, value: Any, supersedes, covers,
              stable: dict[str, int] | None = None) -> None:
        """Drops the superseded entries and remembers their dots, except dots <= `stable`
        (those changes can only come back as duplicates, which the frontier ignores)."""
        stable = stable or {}
        for old in supersedes:
            self.entries.pop(old, None)
            if stable.get(old[0], 0) < old[1]:
                self.superseded.add(old)
        if value_present and dot not in self.entries and dot not in self.superseded:
            self.entries[dot] = Entry(dot, time, value, covers)

    def join(self, other: "Register") -> None:
        self.superseded |= other.superseded
        for dot, entry in other.entries.items():
            if dot not in self.entries:
                self.entries[dot] = entry
        for dot in list(self.entries):
            if dot in self.superseded:
                del self.entries[dot]

    def ordered(self) -> list[Entry]:
        """Live entries, winner first."""
        return sorted(self.entries.values(), key=Entry.rank, reverse=True)

    def winner(self) -> Entry | None:
        return max(self.entries.values(), key=Entry.rank, default=None)

    def is_empty(self) -> bool:
        return not self.entries and not self.superseded

    def has_conflict(self) -> bool:
        return len({value_key(e.value) for e in self.entries.values()}) >= 2

    def compact(self, stable: dict[str, int]) -> None:
        """Forgets the superseded dots <= `stable`; live entries are always kept."""
        self.superseded = {d for d in self.superseded if stable.get(d[0], 0) < d[1]}

    def copy(self) -> "Register":
        r = Register()
        r.entries = dict(self.entries)
        r.superseded = set(self.superseded)
        return r

    def to_json(self) -> dict:
        out: dict = {"entries": [e.to_json() for e in self.ordered()]}
        if self.superseded:
            out["superseded"] = [format_dot(d) for d in sorted(self.superseded, key=dot_order)]
        return out

    @staticmethod
    def from_json(obj: dict) -> "Register":
        r = Register()
        r.superseded = {parse_dot(d) for d in obj.get("superseded") or []}
        for raw in obj.get("entries") or []:
            e = Entry.from_json(raw)
            if e.dot not in r.superseded:
                r.entries[e.dot] = e
        return r


# ---------------------------------------------------------------------------
# Records


def _text(value: Any, at: str) -> str:
    if not isinstance(value, str):
        raise DecodeError(at, f"expected a string, got {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise DecodeError(at, "string is not valid Unicode") from None
    return value


def _wire_dots(value: Any, at: str) -> list[str]:
    if value is None:  # absent and null mean the same (Codable's decodeIfPresent)
        return []
    if not isinstance(value, list):
        raise DecodeError(at, "expected an array of dots")
    for i, text in enumerate(value):
        try:
            parse_dot(_text(text, f"{at}/{i}"))
        except DecodeError:
            raise
        except SyncRuleError as error:
            raise DecodeError(f"{at}/{i}", str(error)) from None
    return list(value)


def decode_change(obj: Any) -> dict:
    """Decodes wire JSON (already parsed) into a change, checking the wire
    syntax exactly as `FieldbookSync.Change` decoding does, in the same order:
    entity and record are strings; dot and time in canonical form; each op
    has a valid slot path and exactly one of `value` (a JSON scalar: null,
    bool, int64, string; no float syntax) or `"remove": true`; `supersedes`
    and `covers` are arrays of dots. A missing optional key and `null` are the
    same. Unknown keys are ignored. Raises `DecodeError`; returns the change
    normalised (`supersedes` and `covers` always present)."""
    if not isinstance(obj, dict):
        raise DecodeError("", "a change is a JSON object")
    for key, parse in (("entity", None), ("record", None), ("dot", parse_dot), ("time", parse_time)):
        if obj.get(key) is None:
            raise DecodeError(f"/{key}", "missing")
        _text(obj[key], f"/{key}")
        if parse is not None:
            try:
                parse(obj[key])
            except SyncRuleError as error:
                raise DecodeError(f"/{key}", str(error)) from None
    if not isinstance(obj.get("ops"), list):
        raise DecodeError("/ops", "expected an array of operations")
    ops = []
    for i, raw in enumerate(obj["ops"]):
        at = f"/ops/{i}"
        if not isinstance(raw, dict):
            raise DecodeError(at, "an operation is a JSON object")
        if raw.get("slot") is None:
            raise DecodeError(f"{at}/slot", "missing")
        try:
            parse_slot(_text(raw["slot"], f"{at}/slot"))
        except DecodeError:
            raise
        except SyncRuleError as error:
            raise DecodeError(f"{at}/slot", str(error)) from None
        remove = raw.get("remove")
        if remove is not None and not isinstance(remove, bool):
            raise DecodeError(f"{at}/remove", "expected true")
        has_value = "value" in raw
        if not ((remove is True and not has_value) or (remove is None and has_value)):
            raise DecodeError(at, 'an operation has exactly one of "value" or "remove": true')
        op: dict = {"slot": raw["slot"]}
        if has_value:
            try:
                op["value"] = check_value(raw["value"])
            except SyncRuleError as error:
                raise DecodeError(f"{at}/value", str(error)) from None
        else:
            op["remove"] = True
        op["supersedes"] = _wire_dots(raw.get("supersedes"), f"{at}/supersedes")
        op["covers"] = _wire_dots(raw.get("covers"), f"{at}/covers")
        ops.append(op)
    return {"entity": obj["entity"], "record": obj["record"], "dot": obj["dot"], "time": obj["time"], "ops": ops}


def valid_record_id(rid: str) -> bool:
    return isinstance(rid, str) and bool(_RECORD_ID.match(rid))


def valid_entity(name: str) -> bool:
    return isinstance(name, str) and bool(_ENTITY.match(name))


def validate_change(change: dict) -> None:
    """Structural rules a receiver enforces on a decoded change before applying
    it (`Change.validateStructure()`), checked in the same order: at least one
    op; a valid record ID and entity name; then, ops sorted by slot bytewise:
    no slot twice, no op superseding or covering the change itself, `covers`
    only on a write of `@deleted` = true, `@deleted` written only with a
    boolean. Raises `SyncRuleError`."""
    dot = parse_dot(change["dot"])
    name = change["dot"]
    if not change["ops"]:
        raise SyncRuleError(f"{name}: no operations")
    if not valid_record_id(change["record"]):
        raise SyncRuleError(f"{name}: record ID must be 1-128 characters from A-Z a-z 0-9 _ - . :")
    if not valid_entity(change["entity"]):
        raise SyncRuleError(f"{name}: entity name must match [a-z][a-z0-9_]{{0,63}}")
    previous = None
    for op in sorted(change["ops"], key=lambda o: utf8(o["slot"])):
        slot = op["slot"]
        if slot == previous:
            raise SyncRuleError(f"{name}: slot {slot!r} written twice")
        previous = slot
        supersedes = [parse_dot(d) for d in op.get("supersedes") or []]
        covers = [parse_dot(d) for d in op.get("covers") or []]
        if dot in supersedes or dot in covers:
            raise SyncRuleError(f"{name}: a change cannot supersede or cover itself")
        has_value = "value" in op
        if covers and not (slot == DELETED and has_value and op["value"] is True):
            raise SyncRuleError(f"{name}: only a delete may carry covers")
        if slot == DELETED and has_value and not isinstance(op["value"], bool):
            raise SyncRuleError(f"{name}: @deleted takes true or false")


class Record:
    def __init__(self, entity: str, rid: str) -> None:
        self.entity = entity
        self.id = rid
        self.slots: dict[str, Register] = {}

    # -- merge ------------------------------------------------------------
    def apply(self, change: dict, stable: dict[str, int] | None = None) -> None:
        """Applies a decoded, validated change (see `decode_change`)."""
        if change["record"] != self.id or change["entity"] != self.entity:
            raise SyncRuleError(
                f"change {change['dot']} for {change['entity']}/{change['record']} "
                f"applied to {self.entity}/{self.id}"
            )
        dot = parse_dot(change["dot"])
        for op in change["ops"]:
            reg = self.slots.setdefault(op["slot"], Register())
            reg.apply(
                dot,
                change["time"],
                "value" in op,
                op.get("value"),
                [parse_dot(d) for d in op.get("supersedes") or []],
                [parse_dot(d) for d in op.get("covers") or []],
                stable,
            )

    def join(self, other: "Record") -> None:
        if other.id != self.id or other.entity != self.entity:
            raise SyncRuleError(f"cannot join {other.entity}/{other.id} into {self.entity}/{self.id}")
        for path, reg in other.slots.items():
            self.slots.setdefault(path, Register()).join(reg)

    def compact(self, stable: dict[str, int]) -> None:
        for path in list(self.slots):
            self.slots[path].compact(stable)
            if self.slots[path].is_empty():
                del self.slots[path]

    def latest_time(self) -> int | None:
        """The latest time of any live entry (what a join moves the clock past)."""
        return max((parse_time(e.time) for reg in self.slots.values() for e in reg.entries.values()), default=None)

    # -- derived views ----------------------------------------------------
    def register(self, path: str) -> Register:
        return self.slots.get(path) or Register()

    @property
    def exists(self) -> bool:
        return any(reg.entries for reg in self.slots.values())

    @property
    def deleted(self) -> bool:
        w = self.register(DELETED).winner()
        return w is not None and w.value is True

    def live_dots(self) -> list[tuple[str, int]]:
        dots = {d for path, reg in self.slots.items() if path != DELETED for d in reg.entries}
        return sorted(dots, key=dot_order)

    def fields(self) -> dict[str, Any]:
        out = {}
        for path, reg in self.slots.items():
            if path == DELETED or "/" in path:
                continue
            w = reg.winner()
            if w is not None:
                out[path] = w.value
        return out

    def _present(self, field: str) -> list[tuple[str, str]]:
        """(decoded element, slot path) of every 2-segment slot of `field` holding a live `true`."""
        out = []
        for path, reg in self.slots.items():
            f, element, member = parse_slot(path)
            if f != field or element is None or member is not None:
                continue
            if any(e.value is True for e in reg.entries.values()):
                out.append((element, path))
        return out

    def elements(self, field: str) -> list[str]:
        return sorted((e for e, _ in self._present(field)), key=utf8)

    def items(self, field: str) -> list[dict]:
        """Visible list items in order: (position key, item ID) bytewise."""
        items = {}
        for item, _ in self._present(field):
            items[item] = {"id": item, "position": "", "members": {}}
        for path, reg in self.slots.items():
            f, item, member = parse_slot(path)
            if f != field or member is None or item not in items:
                continue
            w = reg.winner()
            if w is None:
                continue
            if member == POSITION:
                items[item]["position"] = w.value if isinstance(w.value, str) else ""
            else:
                items[item]["members"][member] = w.value
        return sorted(items.values(), key=lambda it: (utf8(it["position"]), utf8(it["id"])))

    def conflicts(self) -> list[dict]:
        """Open conflicts, ordered by slot (bytewise); a field conflict on `@deleted`
        comes before the delete/edit conflict (which also names `@deleted`)."""
        found = []
        for path in sorted(self.slots, key=utf8):
            reg = self.slots[path]
            if not reg.has_conflict():
                continue
            ordered = reg.ordered()
            winner = ordered[0]
            others = [(path, e) for e in ordered[1:] if not same_value(e.value, winner.value)]
            found.append((utf8(path), 0, {"kind": "field", "slot": path, "winner": winner, "others": others}))
        if self.deleted:
            deletes = self.register(DELETED)
            covered = set()
            for e in deletes.entries.values():
                if e.value is True:
                    covered |= e.covers
            others = []
            for path in sorted(self.slots, key=utf8):
                if path == DELETED:
                    continue
                for e in self.slots[path].ordered():
                    if e.dot not in covered:
                        others.append((path, e))
            if others:
                found.append(
                    (utf8(DELETED), 1, {"kind": "deleteEdit", "slot": DELETED, "winner": deletes.winner(), "others": others})
                )
        found.sort(key=lambda t: (t[0], t[1]))
        return [c for _, _, c in found]

    # -- encodings --------------------------------------------------------
    def to_json(self) -> dict:
        """RecordState JSON: slots as an array sorted by path bytewise, each
        `{"slot", "entries", "superseded"?}`; registers with no entries and no
        superseded dots are not written."""
        slots = []
        for path in sorted(self.slots, key=utf8):
            reg = self.slots[path]
            if not reg.is_empty():
                slots.append({"slot": path, **reg.to_json()})
        return {"entity": self.entity, "id": self.id, "slots": slots}

    @staticmethod
    def from_json(obj: dict) -> "Record":
        rec = Record(_text(obj.get("entity"), "/entity"), _text(obj.get("id"), "/id"))
        raw_slots = obj.get("slots")
        if raw_slots is None:
            raw_slots = []
        if not isinstance(raw_slots, list):
            raise SyncRuleError("record state: slots must be an array")
        seen = set()
        for raw in raw_slots:
            if not isinstance(raw, dict) or not isinstance(raw.get("slot"), str):
                raise SyncRuleError("record state: each slot is an object with a string 'slot'")
            path = raw["slot"]
            parse_slot(path)
            if path in seen:
                raise SyncRuleError(f"record state: slot {path!r} appears twice")
            seen.add(path)
            reg = Register.from_json(raw)
            if not reg.is_empty():
                rec.slots[path] = reg
        return rec

    def canonical(self) -> dict:
        """Full state as plain data: equal canonical forms <=> equal states."""
        return self.to_json()


# ---------------------------------------------------------------------------
# Replica


class Replica:
    """Records by ID, the stability frontier, the dots applied and the HLC."""

    def __init__(self, stable: dict[str, int] | None = None) -> None:
        self.records: dict[str, Record] = {}
        self.stable: dict[str, int] = dict(stable or {})
        self.known: set[tuple[str, int]] = set()
        self.clock = 0  # last HLC time issued or seen, as the 64-bit number its 16 hex digits spell

    def is_stable(self, dot: tuple[str, int]) -> bool:
        return self.stable.get(dot[0], 0) >= dot[1]

    def receive(self, wire: dict) -> bool:
        """Receives one change as wire JSON (parsed). Returns False when it is
        ignored (already applied, or its dot is <= the frontier). Raises
        `DecodeError` when it does not decode and `SyncRuleError` when it is
        structurally invalid or its record has another entity; the replica is
        then unchanged."""
        change = decode_change(wire)
        dot = parse_dot(change["dot"])
        if dot in self.known or self.is_stable(dot):
            return False
        validate_change(change)
        rec = self.records.get(change["record"])
        if rec is not None and rec.entity != change["entity"]:
            raise SyncRuleError(f"{change['dot']}: record {change['record']} is a {rec.entity}, change says {change['entity']}")
        if rec is None:
            rec = self.records[change["record"]] = Record(change["entity"], change["record"])
        rec.apply(change, self.stable)
        self.clock = max(self.clock, parse_time(change["time"]))
        self.known.add(dot)
        return True

    def join(self, state: dict) -> None:
        """Joins a RecordState (state transfer); the clock moves past every entry time in it."""
        incoming = Record.from_json(state)
        latest = incoming.latest_time()
        if latest is not None:
            self.clock = max(self.clock, latest)
        rec = self.records.get(incoming.id)
        if rec is None:
            self.records[incoming.id] = incoming
        else:
            rec.join(incoming)

    def tick(self, physical: int) -> str:
        """The HLC time of a local change made now at physical time `physical` (ms)."""
        candidate = min(physical, MAX_MILLIS) << 16
        self.clock = candidate if candidate > self.clock else self.clock + 1
        return f"{self.clock:016x}"

    def existing(self) -> list[Record]:
        return sorted((r for r in self.records.values() if r.exists), key=lambda r: utf8(r.id))

    def conflicts(self) -> list[tuple[str, dict]]:
        return [(r.id, c) for r in sorted(self.records.values(), key=lambda r: utf8(r.id)) for c in r.conflicts()]

    def canonical(self) -> list[dict]:
        """Every record state (RecordState JSON), sorted by ID bytewise."""
        return [self.records[k].canonical() for k in sorted(self.records, key=utf8)]


# ---------------------------------------------------------------------------
# Derived IDs and position keys


def derived_id(source: str, role: str) -> str:
    """UUIDv8 from SHA-256("fieldbook-derived-v1" 0x00 source 0x00 role)."""
    digest = bytearray(hashlib.sha256(b"fieldbook-derived-v1\x00" + utf8(source) + b"\x00" + utf8(role)).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x80
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"{h[0:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def valid_position(key: str) -> bool:
    return bool(key) and key[-1] != "0" and all(c in _DIGITS for c in key)


def position_between(lower: str | None, upper: str | None) -> str:
    """A position key strictly between two keys (None: list start / end)."""
    low = [_DIGITS.index(c) for c in (lower or "")]
    high = None if upper is None else [_DIGITS.index(c) for c in upper]
    out: list[int] = []
    i = 0
    bounded = high is not None
    while True:
        a = low[i] if i < len(low) else 0
        b = (high[i] if i < len(high) else 0) if bounded else 36
        if b - a > 1:
            out.append((a + b) // 2)
            return "".join(_DIGITS[d] for d in out)
        if b < a:
            raise SyncRuleError("position_between: lower must be below upper")
        out.append(a)
        if b - a == 1:
            bounded = False
        i += 1


# ---------------------------------------------------------------------------
# Conformance vectors


def run_vector(vector: dict, delivery: list[int] | None = None) -> Replica:
    """Joins `initial`, then receives `changes` in `delivery` order (ignoring dots <= `stable`).

    A change the replica refuses is recorded in `rep.refused` (dot -> reason);
    one that does not even decode in `rep.undecodable` (index -> reason), which
    is an error in the vector: undecodable changes belong in `rawChanges`."""
    rep = Replica(vector.get("stable"))
    rep.refused = {}
    rep.undecodable = {}
    for state in vector.get("initial", []):
        rep.join(state)
    changes = vector["changes"]
    order = delivery if delivery is not None else vector.get("delivery", list(range(len(changes))))
    for index in order:
        try:
            rep.receive(changes[index])
        except DecodeError as error:
            rep.undecodable[index] = str(error)
        except SyncRuleError as error:
            rep.refused[changes[index]["dot"]] = str(error)
    return rep


def conflict_id(record: str, kind: str, slot: str) -> str:
    """`record#slot` for a field conflict, `record#@delete-edit` for a delete/edit conflict."""
    return f"{record}#{slot if kind == 'field' else '@delete-edit'}"


def view(rep: Replica, set_fields: dict[str, list[str]] | None = None,
         list_fields: dict[str, list[str]] | None = None, with_items: bool = True) -> dict:
    """The observable result in the vector's `expected` format (records and conflicts).

    `set_fields` / `list_fields` map record ID -> field names to report."""
    set_fields = set_fields or {}
    list_fields = list_fields or {}
    records = []
    for rec in rep.existing():
        out: dict = {"entity": rec.entity, "id": rec.id, "deleted": rec.deleted, "fields": rec.fields()}
        if set_fields.get(rec.id):
            out["sets"] = {f: rec.elements(f) for f in set_fields[rec.id]}
        if list_fields.get(rec.id):
            out["lists"] = {f: [it["id"] for it in rec.items(f)] for f in list_fields[rec.id]}
            if with_items:
                out["listItems"] = {f: rec.items(f) for f in list_fields[rec.id]}
        records.append(out)
    conflicts = []
    for rid, c in rep.conflicts():
        conflicts.append({
            "id": conflict_id(rid, c["kind"], c["slot"]),
            "record": rid,
            "kind": c["kind"],
            "slot": c["slot"],
            "winner": format_dot(c["winner"].dot),
            "others": [{"slot": p, "dot": format_dot(e.dot)} for p, e in c["others"]],
        })
    return {"records": records, "conflicts": conflicts}


def rejected_dots(vector: dict, rep: Replica) -> list[str]:
    """Dots of the changes the replica refused, in the order of `changes`."""
    return [c["dot"] for c in vector["changes"] if c.get("dot") in rep.refused]


def next_local_time(rep: Replica, physical: int) -> str:
    """The time a local change made after delivery at `physical` would get (the replica is not changed)."""
    saved = rep.clock
    try:
        return rep.tick(physical)
    finally:
        rep.clock = saved


def raw_change_problems(vector: dict) -> list[str]:
    """Every `rawChanges` entry must be valid JSON that does not decode as a change, failing at `at`."""
    problems = []
    for i, raw in enumerate(vector.get("rawChanges", [])):
        try:
            obj = json.loads(raw["json"])
        except ValueError as error:
            problems.append(f"rawChanges[{i}] is not valid JSON: {error}")
            continue
        try:
            decode_change(obj)
        except DecodeError as error:
            if error.at != raw["at"]:
                problems.append(f"rawChanges[{i}] ({raw['description']}): refused at {error.at!r}, expected at {raw['at']!r} ({error})")
            continue
        problems.append(f"rawChanges[{i}] ({raw['description']}) decodes; it must be refused")
    return problems


def _json_equal(a: Any, b: Any) -> bool:
    """Structural equality that keeps JSON types apart (True != 1)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, (dict, list)) or isinstance(b, (dict, list)):
        return False
    return value_key(a) == value_key(b)


def compare(vector: dict, rep: Replica) -> list[str]:
    """Differences between `vector["expected"]` and the replica's state (empty when they agree)."""
    expected = vector["expected"]
    problems: list[str] = [f"changes[{i}] does not decode ({msg}); it belongs in rawChanges"
                           for i, msg in sorted(rep.undecodable.items())]
    set_fields = {r["id"]: list(r.get("sets", {})) for r in expected["records"]}
    list_fields = {r["id"]: list(r.get("lists", {})) for r in expected["records"]}
    actual = view(rep, set_fields, list_fields)
    exp_ids = [r["id"] for r in expected["records"]]
    act_ids = [r["id"] for r in actual["records"]]
    if exp_ids != act_ids:
        problems.append(f"records: expected {exp_ids}, found {act_ids}")
    by_id = {r["id"]: r for r in actual["records"]}
    for exp in expected["records"]:
        act = by_id.get(exp["id"])
        if act is None:
            continue
        for key in ("entity", "deleted", "fields", "sets", "lists", "listItems"):
            if key not in exp:
                continue
            if not _json_equal(exp[key], act.get(key)):
                problems.append(
                    f"record {exp['id']} {key}: expected {json.dumps(exp[key], ensure_ascii=False)}, "
                    f"found {json.dumps(act.get(key), ensure_ascii=False)}"
                )
    if not _json_equal(expected["conflicts"], actual["conflicts"]):
        problems.append(
            "conflicts: expected "
            + json.dumps(expected["conflicts"], ensure_ascii=False)
            + ", found "
            + json.dumps(actual["conflicts"], ensure_ascii=False)
        )
    want_rejected = expected.get("rejected", [])
    got_rejected = rejected_dots(vector, rep)
    if want_rejected != got_rejected:
        detail = "; ".join(f"{d}: {rep.refused[d]}" for d in got_rejected)
        problems.append(f"rejected: expected {want_rejected}, refused {got_rejected}" + (f" ({detail})" if detail else ""))
    if "states" in expected and not _json_equal(expected["states"], rep.canonical()):
        problems.append(
            "states: expected " + json.dumps(expected["states"], ensure_ascii=False)
            + ", found " + json.dumps(rep.canonical(), ensure_ascii=False)
        )
    if "nextLocalTime" in expected:
        want = expected["nextLocalTime"]
        got = next_local_time(rep, want["physical"])
        if got != want["time"]:
            problems.append(f"nextLocalTime at physical {want['physical']}: expected {want['time']}, got {got}")
    problems += raw_change_problems(vector)
    for case in vector.get("derivedIDs", []):
        got = derived_id(case["source"], case["role"])
        if got != case["id"]:
            problems.append(f"derived ID for {case['source']!r}/{case['role']!r}: expected {case['id']}, computed {got}")
    return problems
