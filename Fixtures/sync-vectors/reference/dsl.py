"""A compact DSL for authoring sync conformance vectors.

Replicas make edits with explicit HLC times and exchange changes; each edit
is turned into a wire `Change` the way a writer must build it (every write
supersedes exactly the entries the writer sees in the slot, a delete covers
every live entry it sees). A scenario then states its key expectations by
hand; `Scenario.build()` runs the vector through the reference merge
(`fieldbook_merge`), asserts the hand-stated expectations, and fills in the
rest of `expected` from the reference result (list positions, the full
record states).

Negative cases: `Rep.forge` makes a change that decodes but breaks a
structural rule (the receiver must refuse it: `expected.rejected`), and
`Scenario.undecodable` adds wire JSON that must not decode at all
(`rawChanges`). Both state by hand why they must be refused; the generator
checks that the reference refuses them for that reason.
"""

from __future__ import annotations

import json
from typing import Any, Callable

import fieldbook_merge as M

# 2025-06-02T09:00:00Z: scenario times are seconds after this instant.
BASE_MILLIS = 1_748_854_800_000

START = object()  # insert at the start of a list
END = object()  # insert at the end of a list
SELF = object()  # in a forged op's supersedes/covers: the forged change's own dot


def at(t: float, logical: int = 0) -> str:
    """The HLC time `t` seconds after BASE_MILLIS."""
    return M.format_time(BASE_MILLIS + round(t * 1000), logical)


def physical(t: float) -> int:
    """Physical time (Unix ms) `t` seconds after BASE_MILLIS."""
    return BASE_MILLIS + round(t * 1000)


class Chg:
    """A change made in a scenario."""

    def __init__(self, json_obj: dict) -> None:
        self.json = json_obj
        self.dot = json_obj["dot"]

    def __repr__(self) -> str:
        return self.dot


Op = Callable[[M.Record, "Scenario", str], list]


def _seen(rec: M.Record, path: str) -> list:
    return sorted(rec.register(path).entries, key=M.dot_order)


def _dots(chgs) -> list:
    return sorted((M.parse_dot(c.dot if isinstance(c, Chg) else c) for c in chgs), key=M.dot_order)


# -- operations ---------------------------------------------------------------
# Each returns a function (record view, scenario, record id) -> list of
# (slot, has_value, value, supersedes, covers).


def Set(field: str, value: Any) -> Op:
    """Write a plain field (null clears it); supersedes what the writer sees."""
    return lambda rec, scn, rid: [(field, True, value, _seen(rec, field), [])]


def Resolve(slot: str, value: Any) -> Op:
    """Resolve a conflict: an ordinary write to the slot superseding every entry seen."""
    return lambda rec, scn, rid: [(slot, True, value, _seen(rec, slot), [])]


def Blind(slot: str, value: Any, supersedes=()) -> Op:
    """A write that supersedes only the listed changes (not what the writer sees)."""
    return lambda rec, scn, rid: [(slot, True, value, _dots(supersedes), [])]


def Add(field: str, element: str) -> Op:
    def op(rec, scn, rid):
        scn.kind(rid, field, "set")
        path = M.element_slot(field, element)
        return [(path, True, True, _seen(rec, path), [])]

    return op


def Remove(field: str, element: str) -> Op:
    """Remove a set element: supersedes only the additions the writer sees."""

    def op(rec, scn, rid):
        scn.kind(rid, field, "set")
        path = M.element_slot(field, element)
        return [(path, False, None, _seen(rec, path), [])]

    return op


def _position(rec: M.Record, field: str, item: str, pos, after) -> str:
    if pos is not None:
        return pos
    items = [it for it in rec.items(field) if it["id"] != item]
    if after is START:
        return M.position_between(None, items[0]["position"] if items else None)
    if after is END or after is None:
        return M.position_between(items[-1]["position"] if items else None, None)
    index = next(i for i, it in enumerate(items) if it["id"] == after)
    upper = items[index + 1]["position"] if index + 1 < len(items) else None
    return M.position_between(items[index]["position"], upper)


def Insert(field: str, item: str, pos: str | None = None, after=None, **members) -> Op:
    """Insert a list item: presence `true`, its `@pos` key, and members."""

    def op(rec, scn, rid):
        scn.kind(rid, field, "list")
        key = _position(rec, field, item, pos, after)
        presence = M.element_slot(field, item)
        out = [(presence, True, True, _seen(rec, presence), [])]
        pos_slot = M.member_slot(field, item, M.POSITION)
        out.append((pos_slot, True, key, _seen(rec, pos_slot), []))
        for name, value in members.items():
            path = M.member_slot(field, item, name)
            out.append((path, True, value, _seen(rec, path), []))
        return out

    return op


def SetItem(field: str, item: str, member: str, value: Any) -> Op:
    """Edit a list item member; re-asserts the item's presence (update wins)."""

    def op(rec, scn, rid):
        scn.kind(rid, field, "list")
        presence = M.element_slot(field, item)
        path = M.member_slot(field, item, member)
        return [(presence, True, True, _seen(rec, presence), []), (path, True, value, _seen(rec, path), [])]

    return op


def Move(field: str, item: str, pos: str | None = None, after=None, reassert: bool = True) -> Op:
    """Move a list item: writes `@pos` and, like `ChangeBuilder.moveItem`, re-asserts
    the item's presence (update wins over a concurrent removal). `reassert=False`
    writes only `@pos` (a bare position write, as an older or foreign writer might)."""

    def op(rec, scn, rid):
        scn.kind(rid, field, "list")
        key = _position(rec, field, item, pos, after)
        path = M.member_slot(field, item, M.POSITION)
        out = [(path, True, key, _seen(rec, path), [])]
        if reassert:
            presence = M.element_slot(field, item)
            out.append((presence, True, True, _seen(rec, presence), []))
        return out

    return op


def RemoveItem(field: str, item: str) -> Op:
    def op(rec, scn, rid):
        scn.kind(rid, field, "list")
        presence = M.element_slot(field, item)
        return [(presence, False, None, _seen(rec, presence), [])]

    return op


def Delete() -> Op:
    """Tombstone covering every live entry the writer sees."""
    return lambda rec, scn, rid: [(M.DELETED, True, True, _seen(rec, M.DELETED), rec.live_dots())]


def Restore() -> Op:
    return lambda rec, scn, rid: [(M.DELETED, True, False, _seen(rec, M.DELETED), [])]


# -- replicas -------------------------------------------------------------------


class Rep:
    def __init__(self, scn: "Scenario", rid: str) -> None:
        assert M._REPLICA.match(rid), rid
        self.scn = scn
        self.id = rid
        self.counter = 0
        self.state = M.Replica()
        self.known: list[Chg] = []
        self.known_dots: set[str] = set()

    def edit(self, entity: str, record: str, t: float = 0, *ops: Op, logical: int = 0, time: str | None = None) -> Chg:
        rec = self.state.records.get(record) or M.Record(entity, record)
        written: dict[str, dict] = {}
        for op in ops:
            for path, has_value, value, supersedes, covers in op(rec, self.scn, record):
                assert path not in written, f"{path} written twice in one change"
                out: dict = {"slot": path}
                if has_value:
                    out["value"] = value
                else:
                    out["remove"] = True
                if supersedes:
                    out["supersedes"] = [M.format_dot(d) for d in sorted(set(supersedes), key=M.dot_order)]
                if covers:
                    out["covers"] = [M.format_dot(d) for d in sorted(set(covers), key=M.dot_order)]
                written[path] = out
        assert written, "an edit writes at least one slot"
        self.counter += 1
        if time is None:
            time = M.format_time(BASE_MILLIS + round(t * 1000), logical)
        change = {
            "entity": entity,
            "record": record,
            "dot": f"{self.id}:{self.counter}",
            "time": time,
            "ops": [written[p] for p in sorted(written, key=M.utf8)],
        }
        M.validate_change(M.decode_change(change))
        chg = Chg(change)
        self.scn.changes.append(chg)
        self._receive(chg)
        return chg

    def forge(self, entity: str, record: str, t: float = 0, *ops: dict, logical: int = 0,
              time: str | None = None, because: str) -> Chg:
        """A change that decodes but breaks a structural rule: `ops` are wire ops
        as given (`SELF` in supersedes/covers stands for the change's own dot).
        It takes this replica's next dot but is not applied here; the vector's
        receiver must refuse it with a reason containing `because`."""
        self.counter += 1
        dot = f"{self.id}:{self.counter}"
        wire_ops = []
        for op in ops:
            op = dict(op)
            for key in ("supersedes", "covers"):
                if key in op:
                    op[key] = [dot if d is SELF else (d.dot if isinstance(d, Chg) else d) for d in op[key]]
            wire_ops.append(op)
        change = {
            "entity": entity,
            "record": record,
            "dot": dot,
            "time": time if time is not None else at(t, logical),
            "ops": wire_ops,
        }
        M.decode_change(change)  # must decode: undecodable JSON goes to Scenario.undecodable
        chg = Chg(change)
        chg.because = because
        self.scn.changes.append(chg)
        return chg

    def _receive(self, chg: Chg) -> None:
        if chg.dot in self.known_dots or getattr(chg, "because", None) is not None:
            return
        self.state.receive(chg.json)
        self.known.append(chg)
        self.known_dots.add(chg.dot)

    def pull(self, *others: "Rep") -> "Rep":
        """Receive every change the others hold that this replica lacks, in their arrival order."""
        for other in others:
            for chg in list(other.known):
                self._receive(chg)
        return self

    def get(self, *chgs: Chg) -> "Rep":
        for chg in chgs:
            self._receive(chg)
        return self

    def snapshot(self, record: str, compact: dict | None = None) -> dict:
        """The replica's RecordState JSON for `record`, optionally compacted against a frontier."""
        rec = M.Record.from_json(self.state.records[record].to_json())
        if compact is not None:
            rec.compact(compact)
        return rec.to_json()


def slot_of(state: dict, path: str) -> dict:
    """The register JSON of `path` in a RecordState JSON (slots are an array)."""
    (found,) = [s for s in state["slots"] if s["slot"] == path]
    return found


# -- hand-stated conflicts ----------------------------------------------------------


def F(record: str, slot: str, winner: Chg, others: list) -> dict:
    """A field conflict: `others` are changes (in the conflict slot) or (slot, change)."""
    return {
        "id": f"{record}#{slot}",
        "record": record,
        "kind": "field",
        "slot": slot,
        "winner": winner.dot,
        "others": [_side(slot, o) for o in others],
    }


def DE(record: str, winner: Chg, others: list) -> dict:
    """A delete/edit conflict: `others` are (slot, change) pairs in slot order."""
    return {
        "id": f"{record}#@delete-edit",
        "record": record,
        "kind": "deleteEdit",
        "slot": M.DELETED,
        "winner": winner.dot,
        "others": [_side(None, o) for o in others],
    }


def _side(slot, other) -> dict:
    if isinstance(other, tuple):
        return {"slot": other[0], "dot": other[1].dot}
    assert slot is not None
    return {"slot": slot, "dot": other.dot}


# -- scenarios ------------------------------------------------------------------------


class Scenario:
    def __init__(self, name: str, description: str, tags: list[str]) -> None:
        self.name = name
        self.description = description
        self.tags = tags
        self.changes: list[Chg] = []
        self.reps: dict[str, Rep] = {}
        self.kinds: dict[str, dict[str, str]] = {}
        self._delivery: list[Chg] | None = None
        self._vector_changes: list[Chg] | None = None
        self._initial: list[dict] = []
        self._stable: dict | None = None
        self._derived: list[tuple[str, str]] = []
        self._converged: list[Rep] = []
        self.hand_records: dict[str, dict] = {}
        self.hand_conflicts: list[dict] | None = None
        self.hand_rejected: list[Chg] = []
        self._raw: list[dict] = []
        self._next_local: tuple[int, str] | None = None

    # setup
    def replica(self, rid: str) -> Rep:
        rep = self.reps[rid] = Rep(self, rid)
        return rep

    def replicas(self, *rids: str) -> list[Rep]:
        return [self.replica(r) for r in rids]

    def kind(self, record: str, field: str, kind: str) -> None:
        previous = self.kinds.setdefault(record, {}).setdefault(field, kind)
        assert previous == kind, f"{record}.{field} used as {previous} and {kind}"

    def deliver(self, *chgs: Chg) -> None:
        """Delivery order for the replica under test (duplicates allowed)."""
        self._delivery = list(chgs)

    def only_changes(self, *chgs: Chg) -> None:
        """The vector's `changes` (default: every change made, in the order made)."""
        self._vector_changes = list(chgs)

    def initial(self, *states: dict) -> None:
        self._initial.extend(states)

    def stable(self, **vector: int) -> None:
        self._stable = dict(vector)

    def derived(self, source: str, role: str) -> str:
        if (source, role) not in self._derived:
            self._derived.append((source, role))
        return M.derived_id(source, role)

    def converged(self, *reps: Rep) -> None:
        """These replicas must end in exactly the state of the replica under test."""
        self._converged.extend(reps)

    # hand-stated expectations
    def record(self, rid: str, *, deleted: bool = False, fields: dict | None = None, sets: dict | None = None,
               lists: dict | None = None, members: dict | None = None, entity: str | None = None) -> None:
        """A record that must exist. `fields` is the exact map of plain fields;
        `members` maps list field -> item -> {member: value} for items to check."""
        self.hand_records[rid] = dict(deleted=deleted, fields=fields, sets=sets, lists=lists,
                                      members=members, entity=entity)

    def conflicts(self, *conflicts: dict) -> None:
        """The complete list of open conflicts, in order (record, slot)."""
        self.hand_conflicts = list(conflicts)

    def rejected(self, *chgs: Chg) -> None:
        """The complete list of changes the receiver must refuse (forged), in `changes` order."""
        self.hand_rejected = list(chgs)

    def undecodable(self, description: str, wire, at: str, because: str) -> None:
        """Wire JSON (a dict, or exact JSON text) that must not decode as a change:
        decoding fails at JSON pointer `at` with a reason containing `because`."""
        text = wire if isinstance(wire, str) else json.dumps(wire, ensure_ascii=False)
        obj = json.loads(text)
        try:
            M.decode_change(obj)
        except M.DecodeError as error:
            assert error.at == at, f"{self.name}: {description}: refused at {error.at!r}, not {at!r} ({error})"
            assert because in str(error), f"{self.name}: {description}: refused for {error}, not {because!r}"
        else:
            raise AssertionError(f"{self.name}: {description}: decodes")
        self._raw.append({"description": description, "json": text, "at": at})

    def next_local_time(self, t: float, expect: str) -> None:
        """After delivery, a local change at physical time `t` must get HLC `expect`."""
        self._next_local = (physical(t), expect)

    # build
    def build(self) -> dict:
        assert self.hand_records or self.hand_conflicts is not None, f"{self.name}: no expectations stated"
        assert self.hand_conflicts is not None, f"{self.name}: state the conflicts (possibly none) by hand"
        vchanges = self._vector_changes if self._vector_changes is not None else self.changes
        dots = [c.dot for c in vchanges]
        assert len(set(dots)) == len(dots), f"{self.name}: a dot names one change"
        vector: dict = {"name": self.name, "description": self.description, "tags": self.tags}
        if self._stable is not None:
            vector["stable"] = self._stable
        if self._initial:
            vector["initial"] = self._initial
        vector["changes"] = [c.json for c in vchanges]
        if self._delivery is not None:
            index = {c.dot: i for i, c in enumerate(vchanges)}
            vector["delivery"] = [index[c.dot] for c in self._delivery]
            assert set(vector["delivery"]) == set(range(len(vchanges))), f"{self.name}: delivery must deliver every change"
        if self._raw:
            vector["rawChanges"] = self._raw
        if self._derived:
            vector["derivedIDs"] = [{"source": s, "role": r, "id": M.derived_id(s, r)} for s, r in self._derived]

        result = M.run_vector(vector)
        assert not result.undecodable, f"{self.name}: changes that do not decode: {result.undecodable}"
        set_fields = {rid: sorted((f for f, k in kinds.items() if k == "set"), key=M.utf8) for rid, kinds in self.kinds.items()}
        list_fields = {rid: sorted((f for f, k in kinds.items() if k == "list"), key=M.utf8) for rid, kinds in self.kinds.items()}
        expected = M.view(result, set_fields, list_fields)
        rejected = M.rejected_dots(vector, result)
        self._check_hand(expected, rejected, result)
        if rejected:
            expected["rejected"] = rejected
        expected["states"] = result.canonical()
        if self._next_local is not None:
            physical_ms, want = self._next_local
            got = M.next_local_time(result, physical_ms)
            assert got == want, f"{self.name}: next local time hand-stated {want}, reference {got}"
            expected["nextLocalTime"] = {"physical": physical_ms, "time": want}
        vector["expected"] = expected

        # Every scenario replica that ends up holding all the accepted changes must equal the replica under test.
        if not self._initial and self._stable is None:
            all_dots = {c.dot for c in vchanges} - set(rejected)
            for rep in self.reps.values():
                if all_dots <= rep.known_dots and rep.known_dots <= all_dots:
                    assert rep.state.canonical() == result.canonical(), f"{self.name}: {rep.id} did not converge"
        for rep in self._converged:
            assert rep.state.canonical() == result.canonical(), f"{self.name}: {rep.id} did not converge"
        return vector

    def _check_hand(self, expected: dict, rejected: list[str], result: M.Replica) -> None:
        def fail(msg: str) -> None:
            raise AssertionError(f"vector {self.name!r}: {msg}")

        if [c.dot for c in self.hand_rejected] != rejected:
            fail(f"rejected: hand-stated {[c.dot for c in self.hand_rejected]}, reference refused {rejected} "
                 f"({result.refused})")
        for chg in self.hand_rejected:
            because = getattr(chg, "because", None)
            if because is None:
                fail(f"{chg.dot} is listed as rejected but was not forged")
            if because not in result.refused[chg.dot]:
                fail(f"{chg.dot} refused for {result.refused[chg.dot]!r}, hand-stated {because!r}")

        ids = [r["id"] for r in expected["records"]]
        if sorted(self.hand_records, key=M.utf8) != ids:
            fail(f"records: hand-stated {sorted(self.hand_records, key=M.utf8)}, reference has {ids}")
        by_id = {r["id"]: r for r in expected["records"]}
        for rid, hand in self.hand_records.items():
            got = by_id[rid]
            if got["deleted"] != hand["deleted"]:
                fail(f"{rid}: deleted hand-stated {hand['deleted']}, reference {got['deleted']}")
            if hand["entity"] is not None and got["entity"] != hand["entity"]:
                fail(f"{rid}: entity")
            if hand["fields"] is not None and not M._json_equal(hand["fields"], got["fields"]):
                fail(f"{rid}: fields hand-stated {hand['fields']}, reference {got['fields']}")
            for key in ("sets", "lists"):
                for field, want in (hand[key] or {}).items():
                    have = got.get(key, {}).get(field)
                    if have != want:
                        fail(f"{rid}: {key}.{field} hand-stated {want}, reference {have}")
            for field, items in (hand["members"] or {}).items():
                have = {it["id"]: it["members"] for it in got.get("listItems", {}).get(field, [])}
                for item, want in items.items():
                    if not M._json_equal(want, have.get(item)):
                        fail(f"{rid}: members of {field}/{item} hand-stated {want}, reference {have.get(item)}")
        if not M._json_equal(self.hand_conflicts, expected["conflicts"]):
            fail(
                "conflicts hand-stated\n  " + json.dumps(self.hand_conflicts, ensure_ascii=False)
                + "\nreference\n  " + json.dumps(expected["conflicts"], ensure_ascii=False)
            )
