#!/usr/bin/env python3
"""Generates the sync conformance vectors (Fixtures/sync-vectors/NNN-name.json).

Each scenario below plays replicas editing offline with explicit HLC times
(seconds after 2025-06-02T09:00:00Z) and exchanging changes, then states its
key expectations BY HAND, reasoned from the merge rules: which records exist,
deleted or not, the exact plain field values, set elements, list order, and
the complete list of conflicts with the dots on each side. `Scenario.build`
runs the vector through the Python reference merge and fails if the reference
disagrees with any hand-stated expectation; only then is `expected` written
(the parts not stated by hand, e.g. list item positions and the full record
states, come from the reference).

Negative vectors (at the end) state by hand which forged changes the receiver
must refuse and why (`expected.rejected`), and which raw JSON must not decode
and where decoding fails (`rawChanges`).

Usage: python3 generate_vectors.py          # rewrite every vector file
       python3 generate_vectors.py --check  # fail if a file on disk differs
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from dsl import (  # noqa: E402
    BASE_MILLIS, DE, END, SELF, START, Add, Blind, Delete, F, Insert, Move, Remove, RemoveItem, Resolve, Restore, Scenario,
    Set, SetItem, at, slot_of,
)
import fieldbook_merge as M  # noqa: E402

SCENARIOS = []


def scenario(name: str, description: str, tags: list[str]):
    def register(fn):
        SCENARIOS.append((name, description, tags, fn))
        return fn

    return register


NFC = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731


# ---------------------------------------------------------------------------
# Basics and disjoint fields


@scenario("create-record", "One replica creates an account with text, integer, boolean and null fields.", ["basic"])
def _(s: Scenario):
    anna = s.replica("anna")
    anna.edit("account", "acc1", 1, Set("name", "Müller GmbH"), Set("city", "Stuttgart"), Set("employees", 42),
              Set("active", True), Set("fax", None))
    s.record("acc1", fields={"name": "Müller GmbH", "city": "Stuttgart", "employees": 42, "active": True, "fax": None})
    s.conflicts()


@scenario("disjoint-fields", "Anna changes the phone while the office changes the city of the same account: both survive, no conflict.",
          ["disjoint-fields"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 1, Set("name", "Müller"))
    office.pull(anna)
    anna.edit("account", "acc1", 2, Set("phone", "0711 123"))
    office.edit("account", "acc1", 2, Set("city", "Stuttgart"))
    anna.pull(office)
    office.pull(anna)
    s.record("acc1", fields={"name": "Müller", "phone": "0711 123", "city": "Stuttgart"})
    s.conflicts()
    s.converged(anna, office)


@scenario("disjoint-fields-three-replicas", "Three replicas each edit a different field of one record offline; all three edits survive.",
          ["disjoint-fields", "three-replicas"])
def _(s: Scenario):
    anna, ben, carla = s.replicas("anna", "ben", "carla")
    anna.edit("account", "acc1", 1, Set("name", "Huber"))
    ben.pull(anna)
    carla.pull(anna)
    anna.edit("account", "acc1", 5, Set("phone", "089 1"))
    ben.edit("account", "acc1", 4, Set("city", "München"))
    carla.edit("account", "acc1", 3, Set("zip", "80331"))
    for r in (anna, ben, carla):
        r.pull(anna, ben, carla)
    s.record("acc1", fields={"name": "Huber", "phone": "089 1", "city": "München", "zip": "80331"})
    s.conflicts()
    s.converged(anna, ben, carla)


@scenario("disjoint-fields-multi-op-changes", "Each replica writes two fields in one atomic change; the four fields are disjoint, so nothing conflicts.",
          ["disjoint-fields"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("contact", "c1", 1, Set("lastName", "Schmidt"))
    office.pull(anna)
    anna.edit("contact", "c1", 2, Set("phone", "0711 2"), Set("email", "schmidt@example.com"))
    office.edit("contact", "c1", 3, Set("title", "Dr."), Set("department", "Einkauf"))
    s.record("c1", fields={"lastName": "Schmidt", "phone": "0711 2", "email": "schmidt@example.com",
                           "title": "Dr.", "department": "Einkauf"})
    s.conflicts()


# ---------------------------------------------------------------------------
# Same-field concurrency


@scenario("same-field-concurrency", "Anna and the office both rename the account offline; the later HLC wins, the loser is kept as a conflict.",
          ["same-field", "conflict"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    a1 = anna.edit("account", "acc1", 1, Set("name", "Müller"))
    office.pull(anna)
    a2 = anna.edit("account", "acc1", 5, Set("name", "Müller GmbH"))
    o1 = office.edit("account", "acc1", 4, Set("name", "Mueller AG"))
    anna.pull(office)
    office.pull(anna)
    s.record("acc1", fields={"name": "Müller GmbH"})
    s.conflicts(F("acc1", "name", a2, [o1]))
    s.converged(anna, office)
    assert a1


@scenario("same-field-winner-delivered-first", "Same-field concurrency with the winning write delivered before the losing one: same winner, same conflict.",
          ["same-field", "conflict", "out-of-order"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    a1 = anna.edit("account", "acc1", 1, Set("name", "Müller"))
    office.pull(anna)
    o1 = office.edit("account", "acc1", 4, Set("name", "Mueller AG"))
    a2 = anna.edit("account", "acc1", 5, Set("name", "Müller GmbH"))
    s.deliver(a1, a2, o1)
    s.record("acc1", fields={"name": "Müller GmbH"})
    s.conflicts(F("acc1", "name", a2, [o1]))


@scenario("same-field-three-replicas", "Three replicas rename one account concurrently to three different values: the latest HLC wins, the other two are conflict sides in winning order.",
          ["same-field", "conflict", "three-replicas"])
def _(s: Scenario):
    anna, ben, carla = s.replicas("anna", "ben", "carla")
    anna.edit("account", "acc1", 1, Set("name", "Acme"))
    ben.pull(anna)
    carla.pull(anna)
    a2 = anna.edit("account", "acc1", 3, Set("name", "Acme Ltd"))
    b1 = ben.edit("account", "acc1", 5, Set("name", "ACME"))
    c1 = carla.edit("account", "acc1", 4, Set("name", "Acme Inc"))
    s.record("acc1", fields={"name": "ACME"})
    s.conflicts(F("acc1", "name", b1, [c1, a2]))


@scenario("same-field-three-replicas-two-losers-agree", "Two of three concurrent writes agree but lose to the third: both losing entries are listed (each is a distinct write).",
          ["same-field", "conflict", "three-replicas", "equal-values"])
def _(s: Scenario):
    anna, ben, carla = s.replicas("anna", "ben", "carla")
    anna.edit("account", "acc1", 1, Set("name", "Acme"))
    ben.pull(anna)
    carla.pull(anna)
    a2 = anna.edit("account", "acc1", 3, Set("name", "Acme Ltd"))
    b1 = ben.edit("account", "acc1", 4, Set("name", "Acme Ltd"))
    c1 = carla.edit("account", "acc1", 5, Set("name", "ACME"))
    s.record("acc1", fields={"name": "ACME"})
    s.conflicts(F("acc1", "name", c1, [b1, a2]))


@scenario("same-field-three-replicas-winner-shared", "Two of three concurrent writes agree and one of them wins: the conflict lists only the disagreeing write, not the agreeing one.",
          ["same-field", "conflict", "three-replicas", "equal-values"])
def _(s: Scenario):
    anna, ben, carla = s.replicas("anna", "ben", "carla")
    anna.edit("account", "acc1", 1, Set("name", "Acme"))
    ben.pull(anna)
    carla.pull(anna)
    a2 = anna.edit("account", "acc1", 5, Set("name", "Acme Ltd"))
    ben.edit("account", "acc1", 4, Set("name", "Acme Ltd"))
    c1 = carla.edit("account", "acc1", 3, Set("name", "ACME"))
    s.record("acc1", fields={"name": "Acme Ltd"})
    s.conflicts(F("acc1", "name", a2, [c1]))


@scenario("equal-values-no-conflict", "Anna and the office concurrently write the same value to a field: two entries, one value, no conflict.",
          ["same-field", "equal-values"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 1, Set("name", "Acme"))
    office.pull(anna)
    anna.edit("account", "acc1", 3, Set("name", "Acme Ltd"))
    office.edit("account", "acc1", 4, Set("name", "Acme Ltd"))
    s.record("acc1", fields={"name": "Acme Ltd"})
    s.conflicts()


@scenario("equal-values-then-overwrite", "After two equal concurrent writes, a replica that saw both overwrites the field: it supersedes both entries.",
          ["equal-values", "causal-overwrite"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 1, Set("name", "Acme"))
    office.pull(anna)
    anna.edit("account", "acc1", 3, Set("name", "Acme Ltd"))
    office.edit("account", "acc1", 4, Set("name", "Acme Ltd"))
    anna.pull(office)
    anna.edit("account", "acc1", 2, Set("name", "Acme Limited"))  # older HLC, still a causal overwrite
    s.record("acc1", fields={"name": "Acme Limited"})
    s.conflicts()


# ---------------------------------------------------------------------------
# Causal overwrites


@scenario("causal-overwrite", "The office receives Anna's account and then renames it: a causal overwrite, no conflict.",
          ["causal-overwrite"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 1, Set("name", "Müller"), Set("city", "Stuttgart"))
    office.pull(anna)
    office.edit("account", "acc1", 2, Set("name", "Müller GmbH"))
    s.record("acc1", fields={"name": "Müller GmbH", "city": "Stuttgart"})
    s.conflicts()


@scenario("causal-overwrite-older-hlc", "Clock skew: the office overwrites Anna's name with an HLC an hour OLDER than Anna's write. A conforming HLC never does this after receiving or joining Anna's write, but a writer whose clock state was lost (restored backup, foreign client) can. Causality wins over time: the office's value, no conflict. The receiver's own clock has moved past both writes: its next local change, at physical time t0, is stamped just after Anna's write (t0 + 1 h, logical 1).",
          ["causal-overwrite", "clock-skew", "clock"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 3600, Set("name", "Müller"))
    office.pull(anna)
    office.edit("account", "acc1", 0, Set("name", "Müller GmbH"))
    s.record("acc1", fields={"name": "Müller GmbH"})
    s.conflicts()
    s.next_local_time(0, expect=at(3600, 1))


@scenario("causal-overwrite-chain", "A chain of causal overwrites across four hands (anna -> office -> ben -> anna): the last write holds, no conflict.",
          ["causal-overwrite", "transitive"])
def _(s: Scenario):
    anna, office, ben = s.replicas("anna", "office", "ben")
    anna.edit("account", "acc1", 1, Set("name", "v1"))
    office.pull(anna).edit("account", "acc1", 2, Set("name", "v2"))
    ben.pull(office).edit("account", "acc1", 3, Set("name", "v3"))
    anna.pull(ben).edit("account", "acc1", 4, Set("name", "v4"))
    s.record("acc1", fields={"name": "v4"})
    s.conflicts()


@scenario("overwrite-concurrent-with-overwrite", "Both the office and Ben overwrite Anna's value after seeing it, without seeing each other: their two writes conflict, Anna's original is gone.",
          ["causal-overwrite", "same-field", "conflict", "three-replicas"])
def _(s: Scenario):
    anna, office, ben = s.replicas("anna", "office", "ben")
    anna.edit("account", "acc1", 1, Set("name", "v1"))
    office.pull(anna)
    ben.pull(anna)
    o1 = office.edit("account", "acc1", 2, Set("name", "office-v2"))
    b1 = ben.edit("account", "acc1", 3, Set("name", "ben-v2"))
    s.record("acc1", fields={"name": "ben-v2"})
    s.conflicts(F("acc1", "name", b1, [o1]))


# ---------------------------------------------------------------------------
# Deletes


@scenario("delete-record", "Anna creates and then deletes an account: a tombstone that keeps the values, no conflict.",
          ["delete"])
def _(s: Scenario):
    anna = s.replica("anna")
    anna.edit("account", "acc1", 1, Set("name", "Müller"))
    anna.edit("account", "acc1", 2, Delete())
    s.record("acc1", deleted=True, fields={"name": "Müller"})
    s.conflicts()


@scenario("delete-vs-edit", "The office deletes the account while Anna, offline, adds a phone number. Edit delivered before delete: the record is deleted and the edit forms a delete/edit conflict.",
          ["delete", "delete-edit", "conflict"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    a1 = anna.edit("account", "acc1", 1, Set("name", "Müller"))
    office.pull(anna)
    a2 = anna.edit("account", "acc1", 2, Set("phone", "0711"))
    o1 = office.edit("account", "acc1", 3, Delete())
    s.deliver(a1, a2, o1)
    s.record("acc1", deleted=True, fields={"name": "Müller", "phone": "0711"})
    s.conflicts(DE("acc1", o1, [("phone", a2)]))


@scenario("edit-vs-delete", "The same delete and concurrent edit as delete-vs-edit, delivered the other way round (delete first): same result.",
          ["delete", "delete-edit", "conflict", "out-of-order"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    a1 = anna.edit("account", "acc1", 1, Set("name", "Müller"))
    office.pull(anna)
    a2 = anna.edit("account", "acc1", 2, Set("phone", "0711"))
    o1 = office.edit("account", "acc1", 3, Delete())
    s.deliver(a1, o1, a2)
    s.record("acc1", deleted=True, fields={"name": "Müller", "phone": "0711"})
    s.conflicts(DE("acc1", o1, [("phone", a2)]))


@scenario("delete-vs-edit-edit-newer-hlc", "The concurrent edit overwrites an existing field and carries a LATER HLC than the delete: time does not matter, the record is still deleted with a delete/edit conflict.",
          ["delete", "delete-edit", "conflict"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 1, Set("name", "Müller"), Set("city", "Stuttgart"))
    office.pull(anna)
    o1 = office.edit("account", "acc1", 3, Delete())
    a2 = anna.edit("account", "acc1", 9, Set("name", "Müller GmbH"))
    s.record("acc1", deleted=True, fields={"name": "Müller GmbH", "city": "Stuttgart"})
    s.conflicts(DE("acc1", o1, [("name", a2)]))


def _delete_edit_base(s: Scenario):
    anna, office = s.replicas("anna", "office")
    a1 = anna.edit("account", "acc1", 1, Set("name", "Müller"))
    office.pull(anna)
    a2 = anna.edit("account", "acc1", 2, Set("phone", "0711"))
    o1 = office.edit("account", "acc1", 3, Delete())
    anna.pull(office)
    office.pull(anna)
    return anna, office, a1, a2, o1


@scenario("restore-from-delete-conflict", "Anna resolves the delete/edit conflict by restoring: @deleted=false supersedes the delete; the record is live with both values, no conflict.",
          ["delete-edit", "restore", "resolution"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _delete_edit_base(s)
    anna.edit("account", "acc1", 4, Restore())
    s.record("acc1", deleted=False, fields={"name": "Müller", "phone": "0711"})
    s.conflicts()


@scenario("keep-deleted-resolution", "The office resolves the delete/edit conflict by keeping it deleted: a new delete that supersedes the old one and covers the edit. Deleted, no conflict.",
          ["delete-edit", "keep-deleted", "resolution"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _delete_edit_base(s)
    o2 = office.edit("account", "acc1", 4, Delete())
    assert o2.json["ops"][0]["covers"] == ["anna:1", "anna:2"] and o2.json["ops"][0]["supersedes"] == ["office:1"]
    s.record("acc1", deleted=True, fields={"name": "Müller", "phone": "0711"})
    s.conflicts()


@scenario("keep-deleted-resolution-delivered-first", "The keep-deleted resolution arrives before everything it resolves: the old delete is superseded on arrival and the edit is covered. Deleted, no conflict.",
          ["delete-edit", "keep-deleted", "resolution", "out-of-order"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _delete_edit_base(s)
    o2 = office.edit("account", "acc1", 4, Delete())
    s.deliver(o2, a2, a1, o1)
    s.record("acc1", deleted=True, fields={"name": "Müller", "phone": "0711"})
    s.conflicts()


@scenario("concurrent-deletes", "Anna and the office delete the same account concurrently: two `true` entries, one value, no conflict.",
          ["delete", "concurrent-deletes"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 1, Set("name", "Müller"))
    office.pull(anna)
    anna.edit("account", "acc1", 2, Delete())
    office.edit("account", "acc1", 3, Delete())
    s.record("acc1", deleted=True, fields={"name": "Müller"})
    s.conflicts()


@scenario("concurrent-deletes-union-of-covers", "Anna edits then deletes; the office deletes concurrently without seeing Anna's edit and wins on time. Anna's own delete covers her edit, and covers are united over all live deletes: no conflict.",
          ["delete", "concurrent-deletes"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 1, Set("name", "Müller"))
    office.pull(anna)
    anna.edit("account", "acc1", 2, Set("phone", "0711"))
    anna.edit("account", "acc1", 3, Delete())
    office.edit("account", "acc1", 4, Delete())
    s.record("acc1", deleted=True, fields={"name": "Müller", "phone": "0711"})
    s.conflicts()


@scenario("concurrent-deletes-with-concurrent-edit", "Two concurrent deletes and a third replica's concurrent edit: the edit is covered by neither delete, so there is a delete/edit conflict under the winning delete.",
          ["delete", "concurrent-deletes", "delete-edit", "conflict", "three-replicas"])
def _(s: Scenario):
    anna, office, ben = s.replicas("anna", "office", "ben")
    anna.edit("account", "acc1", 1, Set("name", "Müller"))
    office.pull(anna)
    ben.pull(anna)
    anna.edit("account", "acc1", 2, Delete())
    o1 = office.edit("account", "acc1", 3, Delete())
    b1 = ben.edit("account", "acc1", 4, Set("phone", "0711"))
    s.record("acc1", deleted=True, fields={"name": "Müller", "phone": "0711"})
    s.conflicts(DE("acc1", o1, [("phone", b1)]))


@scenario("delete-vs-restore-restore-wins", "After a delete/edit conflict the office keeps it deleted while Anna concurrently restores, Anna later: @deleted holds true and false, false wins. Live record, field conflict on @deleted.",
          ["delete", "restore", "delete-restore", "conflict"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _delete_edit_base(s)
    o2 = office.edit("account", "acc1", 5, Delete())
    a3 = anna.edit("account", "acc1", 6, Restore())
    s.record("acc1", deleted=False, fields={"name": "Müller", "phone": "0711"})
    s.conflicts(F("acc1", "@deleted", a3, [o2]))


@scenario("delete-vs-restore-delete-wins", "As delete-vs-restore-restore-wins but the keep-deleted write is later: deleted, with a field conflict on @deleted; the new delete covers every entry, so no delete/edit conflict.",
          ["delete", "restore", "delete-restore", "conflict"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _delete_edit_base(s)
    a3 = anna.edit("account", "acc1", 6, Restore())
    o2 = office.edit("account", "acc1", 7, Delete())
    s.record("acc1", deleted=True, fields={"name": "Müller", "phone": "0711"})
    s.conflicts(F("acc1", "@deleted", o2, [a3]))


@scenario("delete-vs-restore-with-uncovered-edit", "Keep-deleted (winning) concurrent with a restore AND with Ben's new phone edit: a field conflict on @deleted plus a delete/edit conflict, BOTH on slot @deleted, field first. Their ids differ: 'acc1#@deleted' (field) and 'acc1#@delete-edit'.",
          ["delete", "restore", "delete-restore", "delete-edit", "conflict", "three-replicas", "conflict-id"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _delete_edit_base(s)
    ben = s.replica("ben").pull(office)
    b1 = ben.edit("account", "acc1", 6, Set("phone", "0711 999"))
    a3 = anna.edit("account", "acc1", 5.5, Restore())
    o2 = office.edit("account", "acc1", 7, Delete())
    s.record("acc1", deleted=True, fields={"name": "Müller", "phone": "0711 999"})
    field, delete_edit = F("acc1", "@deleted", o2, [a3]), DE("acc1", o2, [("phone", b1)])
    assert (field["id"], delete_edit["id"]) == ("acc1#@deleted", "acc1#@delete-edit")
    s.conflicts(field, delete_edit)


@scenario("restore-after-delete", "Anna deletes an account and then undoes it (restore): live, no conflict.", ["delete", "restore"])
def _(s: Scenario):
    anna = s.replica("anna")
    anna.edit("account", "acc1", 1, Set("name", "Müller"))
    anna.edit("account", "acc1", 2, Delete())
    anna.edit("account", "acc1", 3, Restore())
    s.record("acc1", deleted=False, fields={"name": "Müller"})
    s.conflicts()


@scenario("restore-delivered-before-delete", "Delete then restore by one replica, delivered restore-first: the restore supersedes the delete before it arrives. Live, no conflict.",
          ["delete", "restore", "out-of-order"])
def _(s: Scenario):
    anna = s.replica("anna")
    a1 = anna.edit("account", "acc1", 1, Set("name", "Müller"))
    a2 = anna.edit("account", "acc1", 2, Delete())
    a3 = anna.edit("account", "acc1", 3, Restore())
    s.deliver(a3, a1, a2)
    s.record("acc1", deleted=False, fields={"name": "Müller"})
    s.conflicts()


@scenario("delete-delivered-before-create", "A delete delivered before the creation it covers: deleted, values kept, no conflict.",
          ["delete", "out-of-order"])
def _(s: Scenario):
    anna = s.replica("anna")
    a1 = anna.edit("account", "acc1", 1, Set("name", "Müller"), Set("city", "Ulm"))
    a2 = anna.edit("account", "acc1", 2, Delete())
    s.deliver(a2, a1)
    s.record("acc1", deleted=True, fields={"name": "Müller", "city": "Ulm"})
    s.conflicts()


@scenario("edit-after-seen-delete", "The office edits a record AFTER receiving its delete, without restoring it. By the rules the edit is not covered by the delete, so it shows as a delete/edit conflict although it is causally after the delete (writers should restore first).",
          ["delete", "delete-edit", "conflict", "ambiguity"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 1, Set("name", "Müller"))
    a2 = anna.edit("account", "acc1", 2, Delete())
    office.pull(anna)
    o1 = office.edit("account", "acc1", 3, Set("phone", "0711"))
    s.record("acc1", deleted=True, fields={"name": "Müller", "phone": "0711"})
    s.conflicts(DE("acc1", a2, [("phone", o1)]))


@scenario("delete-vs-set-add", "A contact is deleted while the office adds an interest: the set-element entry is an uncovered edit, a delete/edit conflict.",
          ["delete", "delete-edit", "sets", "conflict"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("contact", "c1", 1, Set("lastName", "Schmidt"), Add("interests", "golf"))
    office.pull(anna)
    a2 = anna.edit("contact", "c1", 2, Delete())
    o1 = office.edit("contact", "c1", 3, Add("interests", "tennis"))
    s.record("c1", deleted=True, fields={"lastName": "Schmidt"}, sets={"interests": ["golf", "tennis"]})
    s.conflicts(DE("c1", a2, [("interests/tennis", o1)]))


@scenario("delete-vs-set-remove", "A contact is deleted while the office removes an interest: the removal leaves no entry, so there is nothing uncovered and no conflict.",
          ["delete", "sets"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("contact", "c1", 1, Set("lastName", "Schmidt"), Add("interests", "golf"))
    office.pull(anna)
    anna.edit("contact", "c1", 2, Delete())
    office.edit("contact", "c1", 3, Remove("interests", "golf"))
    s.record("c1", deleted=True, fields={"lastName": "Schmidt"}, sets={"interests": []})
    s.conflicts()


@scenario("delete-vs-list-member-edit", "An offer is deleted while the office changes a line's quantity: the presence re-assertion and the member write are both uncovered edits.",
          ["delete", "delete-edit", "lists", "conflict"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("offer", "of1", 1, Set("title", "Angebot 1"), Insert("lines", "l1", "i", qty=1), Insert("lines", "l2", "r", qty=2))
    office.pull(anna)
    a2 = anna.edit("offer", "of1", 2, Delete())
    o1 = office.edit("offer", "of1", 3, SetItem("lines", "l1", "qty", 5))
    s.record("of1", deleted=True, fields={"title": "Angebot 1"}, lists={"lines": ["l1", "l2"]},
             members={"lines": {"l1": {"qty": 5}, "l2": {"qty": 2}}})
    s.conflicts(DE("of1", a2, [("lines/l1", o1), ("lines/l1/qty", o1)]))


# ---------------------------------------------------------------------------
# Sets


@scenario("set-add-wins", "Anna removes an interest while the office concurrently re-adds it: add wins.",
          ["sets", "add-wins"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("contact", "c1", 1, Set("lastName", "Schmidt"), Add("interests", "golf"))
    office.pull(anna)
    anna.edit("contact", "c1", 2, Remove("interests", "golf"))
    office.edit("contact", "c1", 1.5, Add("interests", "golf"))
    s.record("c1", fields={"lastName": "Schmidt"}, sets={"interests": ["golf"]})
    s.conflicts()


@scenario("set-remove-only-seen-adds", "Anna and the office add the same element concurrently; Anna then removes it having seen only her own add. The office's add survives.",
          ["sets", "add-wins"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("contact", "c1", 1, Set("lastName", "Schmidt"), Add("interests", "golf"))
    office.edit("contact", "c1", 1.5, Add("interests", "golf"))
    anna.edit("contact", "c1", 2, Remove("interests", "golf"))
    s.record("c1", fields={"lastName": "Schmidt"}, sets={"interests": ["golf"]})
    s.conflicts()


@scenario("set-remove-after-seeing-all-adds", "Two concurrent adds of one element, then a remove by a replica that saw both: the element is gone.",
          ["sets"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("contact", "c1", 1, Set("lastName", "Schmidt"), Add("interests", "golf"))
    office.edit("contact", "c1", 1.5, Add("interests", "golf"))
    anna.pull(office)
    anna.edit("contact", "c1", 2, Remove("interests", "golf"))
    s.record("c1", fields={"lastName": "Schmidt"}, sets={"interests": []})
    s.conflicts()


@scenario("set-re-add", "Add, remove, add again by one replica: present.", ["sets", "re-add"])
def _(s: Scenario):
    anna = s.replica("anna")
    anna.edit("contact", "c1", 1, Set("lastName", "Schmidt"), Add("interests", "golf"))
    anna.edit("contact", "c1", 2, Remove("interests", "golf"))
    anna.edit("contact", "c1", 3, Add("interests", "golf"))
    s.record("c1", fields={"lastName": "Schmidt"}, sets={"interests": ["golf"]})
    s.conflicts()


@scenario("set-re-add-vs-concurrent-remove", "Anna removes and re-adds an element while the office concurrently removes the original add: Anna's re-add survives.",
          ["sets", "re-add", "add-wins"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("contact", "c1", 1, Set("lastName", "Schmidt"), Add("interests", "golf"))
    office.pull(anna)
    anna.edit("contact", "c1", 2, Remove("interests", "golf"))
    anna.edit("contact", "c1", 3, Add("interests", "golf"))
    office.edit("contact", "c1", 4, Remove("interests", "golf"))
    s.record("c1", fields={"lastName": "Schmidt"}, sets={"interests": ["golf"]})
    s.conflicts()


@scenario("set-concurrent-adds", "Concurrent adds of overlapping elements: the union, sorted bytewise; the doubly added element is no conflict.",
          ["sets"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("contact", "c1", 1, Set("lastName", "Schmidt"))
    office.pull(anna)
    anna.edit("contact", "c1", 2, Add("interests", "golf"), Add("interests", "tennis"))
    office.edit("contact", "c1", 3, Add("interests", "sailing"), Add("interests", "golf"))
    s.record("c1", fields={"lastName": "Schmidt"}, sets={"interests": ["golf", "sailing", "tennis"]})
    s.conflicts()


@scenario("set-elements-escaped", "Set elements containing '/' and '%' are percent-encoded in the slot path and decoded in the element list, sorted bytewise ('%' < '5' < 'Z' < 'a').",
          ["sets", "escaping"])
def _(s: Scenario):
    anna = s.replica("anna")
    c = anna.edit("contact", "c1", 1, Set("lastName", "Schmidt"), Add("tags", "a/b"), Add("tags", "50%/year"),
                  Add("tags", "%2F"), Add("tags", "Zeta"))
    assert [o["slot"] for o in c.json["ops"]] == ["lastName", "tags/%252F", "tags/50%25%2Fyear", "tags/Zeta", "tags/a%2Fb"]
    s.record("c1", fields={"lastName": "Schmidt"}, sets={"tags": ["%2F", "50%/year", "Zeta", "a/b"]})
    s.conflicts()


@scenario("set-remove-delivered-before-add", "A removal delivered before the add it supersedes: the add is known-overwritten on arrival, the element is absent.",
          ["sets", "out-of-order"])
def _(s: Scenario):
    anna = s.replica("anna")
    a1 = anna.edit("contact", "c1", 1, Set("lastName", "Schmidt"), Add("interests", "golf"))
    a2 = anna.edit("contact", "c1", 2, Remove("interests", "golf"))
    s.deliver(a2, a1)
    s.record("c1", fields={"lastName": "Schmidt"}, sets={"interests": []})
    s.conflicts()


# ---------------------------------------------------------------------------
# Ordered lists


@scenario("list-create", "An offer with three lines: order by position key (bytewise), members are the winning values.",
          ["lists"])
def _(s: Scenario):
    anna = s.replica("anna")
    anna.edit("offer", "of1", 1, Set("title", "Angebot 7"),
              Insert("lines", "l1", "i", product="P-100", qty=1, price="19.90"),
              Insert("lines", "l2", "r", product="P-200", qty=2, price="5.00"),
              Insert("lines", "l3", "9", product="P-050", qty=10, price="0.99"))
    s.record("of1", fields={"title": "Angebot 7"}, lists={"lines": ["l3", "l1", "l2"]},
             members={"lines": {"l1": {"product": "P-100", "qty": 1, "price": "19.90"},
                                "l3": {"product": "P-050", "qty": 10, "price": "0.99"}}})
    s.conflicts()


def _pos(chg) -> str:
    """The position key a change writes (its only @pos op)."""
    (key,) = [op["value"] for op in chg.json["ops"] if op["slot"].endswith("/@pos")]
    return key


def _offer_base(s: Scenario, three: bool = False):
    anna, office = s.replicas("anna", "office")
    lines = [Insert("lines", "l1", "i", qty=1), Insert("lines", "l2", "r", qty=2)]
    if three:
        lines.append(Insert("lines", "l3", "v", qty=3))
    a1 = anna.edit("offer", "of1", 1, Set("title", "Angebot"), *lines)
    office.pull(anna)
    return anna, office, a1


@scenario("list-concurrent-insert-same-place", "Anna and the office both insert a line between l1 and l2 and pick the same position key: ties are broken by item ID bytewise (not by time).",
          ["lists", "list-insert"])
def _(s: Scenario):
    anna, office, a1 = _offer_base(s)
    a2 = anna.edit("offer", "of1", 3, Insert("lines", "line-b", after="l1", qty=7))
    o1 = office.edit("offer", "of1", 2, Insert("lines", "line-a", after="l1", qty=8))
    assert _pos(a2) == "m" and _pos(o1) == "m"
    s.record("of1", fields={"title": "Angebot"}, lists={"lines": ["l1", "line-a", "line-b", "l2"]},
             members={"lines": {"line-a": {"qty": 8}, "line-b": {"qty": 7}}})
    s.conflicts()


@scenario("list-concurrent-insert-at-start", "Both insert at the start with the same key; item IDs 'Zulu' and 'alpha' order bytewise ('Z' < 'a'), not case-insensitively.",
          ["lists", "list-insert"])
def _(s: Scenario):
    anna, office, a1 = _offer_base(s)
    anna.edit("offer", "of1", 2, Insert("lines", "alpha", after=START, qty=1))
    office.edit("offer", "of1", 3, Insert("lines", "Zulu", after=START, qty=1))
    s.record("of1", fields={"title": "Angebot"}, lists={"lines": ["Zulu", "alpha", "l1", "l2"]})
    s.conflicts()


@scenario("list-concurrent-insert-at-end", "Both append a line with the same key: after l2, ordered by item ID.",
          ["lists", "list-insert"])
def _(s: Scenario):
    anna, office, a1 = _offer_base(s)
    anna.edit("offer", "of1", 2, Insert("lines", "end-2", after=END, qty=1))
    office.edit("offer", "of1", 3, Insert("lines", "end-1", after=END, qty=1))
    s.record("of1", fields={"title": "Angebot"}, lists={"lines": ["l1", "l2", "end-1", "end-2"]})
    s.conflicts()


@scenario("list-insert-vs-neighbour-removed", "Anna inserts after l1 while the office removes l1: the new line keeps its position key and stays, l1 is gone.",
          ["lists", "list-insert"])
def _(s: Scenario):
    anna, office, a1 = _offer_base(s)
    anna.edit("offer", "of1", 2, Insert("lines", "x", after="l1", qty=1))
    office.edit("offer", "of1", 3, RemoveItem("lines", "l1"))
    s.record("of1", fields={"title": "Angebot"}, lists={"lines": ["x", "l2"]})
    s.conflicts()


@scenario("list-remove-vs-member-edit", "Anna removes line l1 while the office changes its quantity: the edit re-asserts presence, so the update wins and the line stays with qty 5.",
          ["lists", "update-wins"])
def _(s: Scenario):
    anna, office, a1 = _offer_base(s)
    anna.edit("offer", "of1", 2, RemoveItem("lines", "l1"))
    office.edit("offer", "of1", 3, SetItem("lines", "l1", "qty", 5))
    s.record("of1", fields={"title": "Angebot"}, lists={"lines": ["l1", "l2"]},
             members={"lines": {"l1": {"qty": 5}}})
    s.conflicts()


@scenario("member-edit-vs-list-remove", "As list-remove-vs-member-edit, the removal later in time and delivered last: the update still wins.",
          ["lists", "update-wins", "out-of-order"])
def _(s: Scenario):
    anna, office, a1 = _offer_base(s)
    o1 = office.edit("offer", "of1", 2, SetItem("lines", "l1", "qty", 5))
    a2 = anna.edit("offer", "of1", 3, RemoveItem("lines", "l1"))
    s.deliver(a1, o1, a2)
    s.record("of1", fields={"title": "Angebot"}, lists={"lines": ["l1", "l2"]},
             members={"lines": {"l1": {"qty": 5}}})
    s.conflicts()


@scenario("list-concurrent-removes", "Both remove the same line concurrently: gone, no conflict.", ["lists"])
def _(s: Scenario):
    anna, office, a1 = _offer_base(s)
    anna.edit("offer", "of1", 2, RemoveItem("lines", "l1"))
    office.edit("offer", "of1", 3, RemoveItem("lines", "l1"))
    s.record("of1", fields={"title": "Angebot"}, lists={"lines": ["l2"]})
    s.conflicts()


@scenario("list-concurrent-moves", "Anna moves l3 to the start, the office moves it between l1 and l2, later: the later position wins; the two positions are a field conflict on lines/l3/@pos.",
          ["lists", "list-move", "conflict"])
def _(s: Scenario):
    anna, office, a1 = _offer_base(s, three=True)
    a2 = anna.edit("offer", "of1", 2, Move("lines", "l3", after=START))
    o1 = office.edit("offer", "of1", 3, Move("lines", "l3", after="l1"))
    assert _pos(a2) == "9" and _pos(o1) == "m"
    s.record("of1", fields={"title": "Angebot"}, lists={"lines": ["l1", "l3", "l2"]})
    s.conflicts(F("of1", "lines/l3/@pos", o1, [a2]))


@scenario("list-move-vs-remove", "The office moves l2 to the start while Anna removes l2. A move re-asserts the item's presence (as ChangeBuilder.moveItem does), like a member edit: update wins, the line stays at its new position.",
          ["lists", "list-move", "update-wins"])
def _(s: Scenario):
    anna, office, a1 = _offer_base(s, three=True)
    anna.edit("offer", "of1", 2, RemoveItem("lines", "l2"))
    o1 = office.edit("offer", "of1", 3, Move("lines", "l2", after=START))
    assert [op["slot"] for op in o1.json["ops"]] == ["lines/l2", "lines/l2/@pos"], "a move writes presence and position"
    s.record("of1", fields={"title": "Angebot"}, lists={"lines": ["l2", "l1", "l3"]})
    s.conflicts()


@scenario("list-bare-pos-write-vs-remove", "A bare position write (only lines/l2/@pos, no presence: what a writer that does not re-assert presence sends) concurrent with Anna's removal of l2: presence has no live entry, so the line is gone although its @pos entry lives on.",
          ["lists", "list-move"])
def _(s: Scenario):
    anna, office, a1 = _offer_base(s, three=True)
    anna.edit("offer", "of1", 2, RemoveItem("lines", "l2"))
    o1 = office.edit("offer", "of1", 3, Move("lines", "l2", after=START, reassert=False))
    assert [op["slot"] for op in o1.json["ops"]] == ["lines/l2/@pos"]
    s.record("of1", fields={"title": "Angebot"}, lists={"lines": ["l1", "l3"]})
    s.conflicts()


@scenario("list-concurrent-member-edits", "Two concurrent quantity changes on one line: the later wins, the other is a field conflict on the member slot; presence (true twice) is no conflict.",
          ["lists", "same-field", "conflict"])
def _(s: Scenario):
    anna, office, a1 = _offer_base(s)
    a2 = anna.edit("offer", "of1", 2, SetItem("lines", "l1", "qty", 3))
    o1 = office.edit("offer", "of1", 3, SetItem("lines", "l1", "qty", 4))
    s.record("of1", fields={"title": "Angebot"}, lists={"lines": ["l1", "l2"]},
             members={"lines": {"l1": {"qty": 4}}})
    s.conflicts(F("of1", "lines/l1/qty", o1, [a2]))


@scenario("list-item-ids-escaped", "List item IDs containing '/' and '%' are escaped in every slot of the item and decoded in the list.",
          ["lists", "escaping"])
def _(s: Scenario):
    anna = s.replica("anna")
    c = anna.edit("offer", "of1", 1, Insert("lines", "a/1", "i", qty=1), Insert("lines", "50%", "r", qty=2))
    assert "lines/a%2F1/@pos" in [o["slot"] for o in c.json["ops"]]
    anna.edit("offer", "of1", 2, SetItem("lines", "50%", "qty", 3))
    s.record("of1", fields={}, lists={"lines": ["a/1", "50%"]},
             members={"lines": {"a/1": {"qty": 1}, "50%": {"qty": 3}}})
    s.conflicts()


# ---------------------------------------------------------------------------
# Resolution


def _conflict_base(s: Scenario):
    anna, office = s.replicas("anna", "office")
    a1 = anna.edit("account", "acc1", 1, Set("name", "Müller"))
    office.pull(anna)
    a2 = anna.edit("account", "acc1", 5, Set("name", "Müller GmbH"))
    o1 = office.edit("account", "acc1", 4, Set("name", "Mueller AG"))
    return anna, office, a1, a2, o1


@scenario("resolution-supersedes-both", "The office resolves a name conflict with a new value that supersedes both sides: no conflict.",
          ["resolution"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _conflict_base(s)
    office.pull(anna)
    o2 = office.edit("account", "acc1", 7, Resolve("name", "Müller AG"))
    assert o2.json["ops"][0]["supersedes"] == ["anna:2", "office:1"]
    s.record("acc1", fields={"name": "Müller AG"})
    s.conflicts()


@scenario("resolution-keeps-losing-value", "The resolution picks the losing value; it is a new write superseding both sides, so no conflict remains.",
          ["resolution"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _conflict_base(s)
    anna.pull(office)
    anna.edit("account", "acc1", 6, Resolve("name", "Mueller AG"))
    s.record("acc1", fields={"name": "Mueller AG"})
    s.conflicts()


@scenario("resolution-three-way", "A three-way conflict resolved by a replica that saw all three sides: no conflict.",
          ["resolution", "three-replicas"])
def _(s: Scenario):
    anna, ben, carla = s.replicas("anna", "ben", "carla")
    anna.edit("account", "acc1", 1, Set("name", "Acme"))
    ben.pull(anna)
    carla.pull(anna)
    anna.edit("account", "acc1", 3, Set("name", "Acme Ltd"))
    ben.edit("account", "acc1", 5, Set("name", "ACME"))
    carla.edit("account", "acc1", 4, Set("name", "Acme Inc"))
    carla.pull(anna, ben)
    c2 = carla.edit("account", "acc1", 6, Resolve("name", "Acme Holding"))
    assert c2.json["ops"][0]["supersedes"] == ["anna:2", "ben:1", "carla:1"]
    s.record("acc1", fields={"name": "Acme Holding"})
    s.conflicts()


@scenario("resolution-partial-three-way", "A three-way conflict 'resolved' by a replica that had seen only two sides: the unseen side stays and now conflicts with the resolution.",
          ["resolution", "three-replicas", "conflict"])
def _(s: Scenario):
    anna, ben, carla = s.replicas("anna", "ben", "carla")
    anna.edit("account", "acc1", 1, Set("name", "Acme"))
    ben.pull(anna)
    carla.pull(anna)
    anna.edit("account", "acc1", 3, Set("name", "Acme Ltd"))
    ben.edit("account", "acc1", 5, Set("name", "ACME"))
    c1 = carla.edit("account", "acc1", 4, Set("name", "Acme Inc"))
    anna.pull(ben)
    a3 = anna.edit("account", "acc1", 6, Resolve("name", "Acme Holding"))
    s.record("acc1", fields={"name": "Acme Holding"})
    s.conflicts(F("acc1", "name", a3, [c1]))


@scenario("resolution-concurrent-with-new-write", "The office resolves the conflict while Ben, who had seen only Anna's side, writes a new name: the resolution and Ben's write conflict; both old sides are gone.",
          ["resolution", "conflict", "three-replicas"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _conflict_base(s)
    ben = s.replica("ben").pull(anna)
    office.pull(anna)
    o2 = office.edit("account", "acc1", 7, Resolve("name", "Müller AG"))
    b1 = ben.edit("account", "acc1", 8, Set("name", "Müller & Co"))
    s.record("acc1", fields={"name": "Müller & Co"})
    s.conflicts(F("acc1", "name", b1, [o2]))


@scenario("resolution-delivered-first", "The resolution arrives before both sides of the conflict it resolves: they are superseded on arrival, no transient value survives.",
          ["resolution", "out-of-order"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _conflict_base(s)
    office.pull(anna)
    o2 = office.edit("account", "acc1", 7, Resolve("name", "Müller AG"))
    s.deliver(o2, a2, a1, o1)
    s.record("acc1", fields={"name": "Müller AG"})
    s.conflicts()


@scenario("concurrent-resolutions-same-value", "Anna and the office resolve the same conflict concurrently to the same value: no conflict.",
          ["resolution", "equal-values"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _conflict_base(s)
    anna.pull(office)
    office.pull(anna)
    anna.edit("account", "acc1", 8, Resolve("name", "Müller AG"))
    office.edit("account", "acc1", 7, Resolve("name", "Müller AG"))
    s.record("acc1", fields={"name": "Müller AG"})
    s.conflicts()


@scenario("concurrent-resolutions-different-values", "Anna and the office resolve the same conflict concurrently to different values: a new conflict between the two resolutions.",
          ["resolution", "conflict"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _conflict_base(s)
    anna.pull(office)
    office.pull(anna)
    a3 = anna.edit("account", "acc1", 8, Resolve("name", "Müller GmbH & Co. KG"))
    o2 = office.edit("account", "acc1", 7, Resolve("name", "Müller AG"))
    s.record("acc1", fields={"name": "Müller GmbH & Co. KG"})
    s.conflicts(F("acc1", "name", a3, [o2]))


# ---------------------------------------------------------------------------
# Delivery: duplicates, out of order, transitive chains


@scenario("duplicate-delivery", "Every change of a same-field conflict delivered several times, interleaved: duplicates change nothing.",
          ["duplicates", "same-field", "conflict"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _conflict_base(s)
    s.deliver(a1, a1, a2, o1, a2, o1, a1, o1)
    s.record("acc1", fields={"name": "Müller GmbH"})
    s.conflicts(F("acc1", "name", a2, [o1]))


@scenario("duplicate-delete-delivery", "A delete/edit conflict with every change delivered twice or more.",
          ["duplicates", "delete-edit", "conflict"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _delete_edit_base(s)
    s.deliver(o1, a1, o1, a2, a1, a2, o1)
    s.record("acc1", deleted=True, fields={"name": "Müller", "phone": "0711"})
    s.conflicts(DE("acc1", o1, [("phone", a2)]))


@scenario("superseding-change-first", "The office's overwrite of the name arrives before Anna's creation it overwrites: Anna's name is superseded on arrival, her city still applies.",
          ["out-of-order", "causal-overwrite"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    a1 = anna.edit("account", "acc1", 1, Set("name", "v1"), Set("city", "Ulm"))
    office.pull(anna)
    o1 = office.edit("account", "acc1", 2, Set("name", "v2"))
    s.deliver(o1, a1)
    s.record("acc1", fields={"name": "v2", "city": "Ulm"})
    s.conflicts()


def _chain(s: Scenario):
    anna, office, ben, carla = s.replicas("anna", "office", "ben", "carla")
    a1 = anna.edit("account", "acc1", 1, Set("name", "v1"))
    o1 = office.pull(anna).edit("account", "acc1", 2, Set("name", "v2"))
    b1 = ben.pull(office).edit("account", "acc1", 3, Set("name", "v3"))
    c1 = carla.pull(ben).edit("account", "acc1", 4, Set("name", "v4"))
    return a1, o1, b1, c1


@scenario("transitive-chain-reverse", "A four-step overwrite chain delivered newest first: each older write arrives already superseded.",
          ["out-of-order", "transitive", "causal-overwrite"])
def _(s: Scenario):
    a1, o1, b1, c1 = _chain(s)
    s.deliver(c1, b1, o1, a1)
    s.record("acc1", fields={"name": "v4"})
    s.conflicts()


@scenario("transitive-chain-gap", "A four-step overwrite chain delivered v4, v1, v2, v3: v1 and v2 are transiently live next to v4 until the link that supersedes each arrives; the final state has only v4.",
          ["out-of-order", "transitive", "causal-overwrite"])
def _(s: Scenario):
    a1, o1, b1, c1 = _chain(s)
    s.deliver(c1, a1, o1, b1)
    s.record("acc1", fields={"name": "v4"})
    s.conflicts()


# ---------------------------------------------------------------------------
# Clocks and tie-breaks


@scenario("clock-skew-lagging-device-loses", "The office's clock is two days behind. It renames the account concurrently with Anna, later in real time but with an older HLC: Anna wins, the office's value is the conflict side.",
          ["clock-skew", "same-field", "conflict"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 0, Set("name", "Acme"))
    office.pull(anna)
    a2 = anna.edit("account", "acc1", 10, Set("name", "Acme Ltd"))
    # Physical time says two days ago; the office's HLC only moves just past what it received (t0, logical 1).
    o1 = office.edit("account", "acc1", 0, Set("name", "ACME"), time=M.format_time(BASE_MILLIS, 1))
    s.record("acc1", fields={"name": "Acme Ltd"})
    s.conflicts(F("acc1", "name", a2, [o1]))


@scenario("clock-skew-fast-device-wins", "Ben's clock runs four minutes fast (inside the drift bound): his concurrent write wins over a write made later in real time.",
          ["clock-skew", "same-field", "conflict"])
def _(s: Scenario):
    anna, ben = s.replicas("anna", "ben")
    anna.edit("account", "acc1", 1, Set("name", "Acme"))
    ben.pull(anna)
    b1 = ben.edit("account", "acc1", 10 + 240, Set("name", "ACME"))
    a2 = anna.edit("account", "acc1", 60, Set("name", "Acme Ltd"))
    s.record("acc1", fields={"name": "ACME"})
    s.conflicts(F("acc1", "name", b1, [a2]))


@scenario("hlc-tie-replica-id-bytewise", "Equal HLC times: the greater replica ID wins, compared bytewise: 'anna' > 'Zed' because 'a' (0x61) > 'Z' (0x5A). The replica decides before the counter: anna:1 beats Zed:3.",
          ["hlc-tie", "same-field", "conflict"])
def _(s: Scenario):
    zed, anna = s.replicas("Zed", "anna")
    zed.counter = 2  # Zed's earlier changes went to other records
    z3 = zed.edit("account", "acc1", 10, Set("name", "from Zed"))
    a1 = anna.edit("account", "acc1", 10, Set("name", "from anna"))
    assert z3.dot == "Zed:3"
    s.record("acc1", fields={"name": "from anna"})
    s.conflicts(F("acc1", "name", a1, [z3]))


@scenario("hlc-tie-replica-id-punctuation", "Equal HLC times from 'rep-b', 'rep_b' and 'repb': bytewise '-' (0x2D) < '_' (0x5F) < 'b' (0x62), so 'repb' wins, then 'rep_b', then 'rep-b'.",
          ["hlc-tie", "same-field", "conflict", "three-replicas"])
def _(s: Scenario):
    dash, under, plain = s.replicas("rep-b", "rep_b", "repb")
    d1 = dash.edit("account", "acc1", 10, Set("name", "dash"))
    u1 = under.edit("account", "acc1", 10, Set("name", "underscore"))
    p1 = plain.edit("account", "acc1", 10, Set("name", "plain"))
    s.record("acc1", fields={"name": "plain"})
    s.conflicts(F("acc1", "name", p1, [u1, d1]))


@scenario("hlc-tie-replica-id-prefix", "Equal HLC times from 'office' and 'office2': a proper prefix is smaller, 'office2' wins.",
          ["hlc-tie", "same-field", "conflict"])
def _(s: Scenario):
    office, office2 = s.replicas("office", "office2")
    o1 = office.edit("account", "acc1", 10, Set("name", "one"))
    p1 = office2.edit("account", "acc1", 10, Set("name", "two"))
    s.record("acc1", fields={"name": "two"})
    s.conflicts(F("acc1", "name", p1, [o1]))


@scenario("hlc-tie-counter", "Equal time AND equal replica: two blind writes by 'anna' that do not supersede each other (as an importer or a replica rebuilding its state might send). The greater counter wins: anna:7 beats anna:6.",
          ["hlc-tie", "same-field", "conflict"])
def _(s: Scenario):
    anna = s.replica("anna")
    anna.counter = 5
    a6 = anna.edit("account", "acc1", 10, Blind("name", "six"))
    a7 = anna.edit("account", "acc1", 10, Blind("name", "seven"))
    s.deliver(a7, a6)
    s.record("acc1", fields={"name": "seven"})
    s.conflicts(F("acc1", "name", a7, [a6]))


@scenario("hlc-logical-breaks-tie", "Same millisecond, logical counters 2 (anna) and 1 (office): the logical component decides before the replica ID, so anna wins although 'office' > 'anna'.",
          ["hlc-tie", "same-field", "conflict"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    a1 = anna.edit("account", "acc1", 10, Set("name", "anna"), logical=2)
    o1 = office.edit("account", "acc1", 10, Set("name", "office"), logical=1)
    s.record("acc1", fields={"name": "anna"})
    s.conflicts(F("acc1", "name", a1, [o1]))


@scenario("hlc-millis-before-logical", "Milliseconds compare before the logical counter: (t+1 ms, logical 0) beats (t, logical 0xffff).",
          ["hlc-tie", "same-field", "conflict"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    a1 = anna.edit("account", "acc1", 10, Set("name", "anna"), logical=0xFFFF)
    o1 = office.edit("account", "acc1", 10.001, Set("name", "office"), logical=0)
    assert a1.json["time"] < o1.json["time"]
    s.record("acc1", fields={"name": "office"})
    s.conflicts(F("acc1", "name", o1, [a1]))


@scenario("hlc-time-before-replica-id", "A later time beats a greater replica ID: 'Zed' at t+1 ms wins over 'zed' at t.",
          ["hlc-tie", "same-field", "conflict"])
def _(s: Scenario):
    low, high = s.replicas("Zed", "zed")
    l1 = low.edit("account", "acc1", 10.001, Set("name", "Zed"))
    h1 = high.edit("account", "acc1", 10, Set("name", "zed"))
    s.record("acc1", fields={"name": "Zed"})
    s.conflicts(F("acc1", "name", l1, [h1]))


# ---------------------------------------------------------------------------
# Derived records


def _convert(rep, lead: str, t: float, s: Scenario, amount: str, account_name: str = "Schreinerei Huber"):
    acc = s.derived(lead, "lead-conversion/account")
    con = s.derived(lead, "lead-conversion/contact")
    opp = s.derived(lead, "lead-conversion/opportunity")
    rep.edit("account", acc, t, Set("name", account_name), Set("city", "Rosenheim"), Set("sourceLead", lead))
    rep.edit("contact", con, t + 1, Set("lastName", "Huber"), Set("firstName", "Josef"), Set("accountId", acc))
    o = rep.edit("opportunity", opp, t + 2, Set("title", "Werkstatteinrichtung"), Set("amount", amount),
                 Set("accountId", acc), Set("stage", "qualification"))
    rep.edit("lead", lead, t + 3, Set("status", "converted"), Set("convertedAccountId", acc))
    return acc, con, opp, o


@scenario("lead-conversion-two-replicas", "Anna and Ben convert the same lead offline. Derived IDs make both create the SAME account, contact and opportunity with equal values: no duplicates, no conflicts.",
          ["derived-id", "equal-values", "multi-record"])
def _(s: Scenario):
    office, anna, ben = s.replicas("office", "anna", "ben")
    office.edit("lead", "lead-4711", 1, Set("company", "Schreinerei Huber"), Set("status", "qualified"))
    anna.pull(office)
    ben.pull(office)
    acc, con, opp, _ = _convert(anna, "lead-4711", 100, s, "12000.00")
    acc2, con2, opp2, _ = _convert(ben, "lead-4711", 200, s, "12000.00")
    assert (acc, con, opp) == (acc2, con2, opp2)
    s.record(acc, fields={"name": "Schreinerei Huber", "city": "Rosenheim", "sourceLead": "lead-4711"}, entity="account")
    s.record(con, fields={"lastName": "Huber", "firstName": "Josef", "accountId": acc}, entity="contact")
    s.record(opp, fields={"title": "Werkstatteinrichtung", "amount": "12000.00", "accountId": acc,
                          "stage": "qualification"}, entity="opportunity")
    s.record("lead-4711", fields={"company": "Schreinerei Huber", "status": "converted", "convertedAccountId": acc},
             entity="lead")
    s.conflicts()


@scenario("lead-conversion-diverging-amount", "Anna and Ben convert the same lead offline but type different opportunity amounts: one record per role, a conflict only on the amount.",
          ["derived-id", "conflict", "multi-record"])
def _(s: Scenario):
    office, anna, ben = s.replicas("office", "anna", "ben")
    office.edit("lead", "lead-4712", 1, Set("company", "Bäckerei Maier"), Set("status", "qualified"))
    anna.pull(office)
    ben.pull(office)
    acc, con, opp, oa = _convert(anna, "lead-4712", 100, s, "8000.00", "Bäckerei Maier")
    _, _, _, ob = _convert(ben, "lead-4712", 200, s, "8500.00", "Bäckerei Maier")
    s.record(acc, fields={"name": "Bäckerei Maier", "city": "Rosenheim", "sourceLead": "lead-4712"})
    s.record(con, fields={"lastName": "Huber", "firstName": "Josef", "accountId": acc})
    s.record(opp, fields={"title": "Werkstatteinrichtung", "amount": "8500.00", "accountId": acc, "stage": "qualification"})
    s.record("lead-4712", fields={"company": "Bäckerei Maier", "status": "converted", "convertedAccountId": acc})
    s.conflicts(F(opp, "amount", ob, [oa]))


@scenario("derived-id-strings", "Checks DerivedID strings themselves: UUIDv8 from SHA-256(\"fieldbook-derived-v1\" 0x00 source 0x00 role), version nibble 8, variant bits 10, lowercase 8-4-4-4-12. Includes a non-ASCII source and an empty role.",
          ["derived-id"])
def _(s: Scenario):
    anna = s.replica("anna")
    ids = [
        s.derived("lead-4711", "lead-conversion/account"),
        s.derived("lead-4711", "lead-conversion/contact"),
        s.derived("lead-4711", "lead-conversion/opportunity"),
        s.derived("0b9c7c1e-6f1a-4c55-9d0e-2a3b4c5d6e7f", "offer/copy"),
        s.derived("Müller-Lead-ü", "lead-conversion/account"),
        s.derived("lead-4711", ""),
    ]
    for i in ids:
        assert len(i) == 36 and i[14] == "8" and i[19] in "89ab", i
    assert len(set(ids)) == len(ids)
    anna.edit("account", ids[0], 1, Set("name", "Derived"))
    s.record(ids[0], fields={"name": "Derived"})
    s.conflicts()


# ---------------------------------------------------------------------------
# Stability frontier and state join


def _compacted(s: Scenario):
    anna = s.replica("anna")
    a1 = anna.edit("account", "acc1", 1, Set("name", "v1"))
    a2 = anna.edit("account", "acc1", 2, Set("name", "v2"))
    a3 = anna.edit("account", "acc1", 3, Set("phone", "0711"))
    state = anna.snapshot("acc1", compact={"anna": 3})
    assert "superseded" not in slot_of(state, "name"), "compaction drops superseded once all entries are stable"
    return anna, a1, a2, a3, state


@scenario("stable-ignores-old-duplicate", "The replica holds a compacted record (superseded dots dropped, frontier anna:3). An old duplicate of anna:1 arrives: its dot is <= the frontier, so it is ignored instead of reappearing as a conflict.",
          ["stability", "duplicates"])
def _(s: Scenario):
    anna, a1, a2, a3, state = _compacted(s)
    s.initial(state)
    s.stable(anna=3)
    s.only_changes(a1)
    s.record("acc1", fields={"name": "v2", "phone": "0711"})
    s.conflicts()


@scenario("compacted-state-without-frontier", "Control for stable-ignores-old-duplicate: the same compacted state and old duplicate WITHOUT a frontier. The overwritten value comes back as a concurrent entry: this is why changes below the frontier must be dropped.",
          ["stability", "duplicates", "conflict"])
def _(s: Scenario):
    anna, a1, a2, a3, state = _compacted(s)
    s.initial(state)
    s.only_changes(a1)
    s.record("acc1", fields={"name": "v2", "phone": "0711"})
    s.conflicts(F("acc1", "name", a2, [a1]))


@scenario("stable-frontier-partial", "Frontier {anna: 2, office: 0}: anna:1 and anna:2 are ignored, anna:4 and office:1 (above the frontier) apply.",
          ["stability"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    a1 = anna.edit("account", "acc1", 1, Set("name", "v1"))
    a2 = anna.edit("account", "acc1", 2, Set("name", "v2"), Set("city", "Ulm"))
    s.initial(anna.snapshot("acc1", compact={"anna": 2}))
    office.pull(anna)
    a3 = anna.edit("account", "acc1", 3, Set("phone", "1"))
    a4 = anna.edit("account", "acc1", 4, Set("name", "v4"))
    o1 = office.edit("account", "acc1", 5, Set("city", "Neu-Ulm"))
    s.stable(anna=2)
    s.only_changes(a1, a2, a3, a4, o1)
    s.record("acc1", fields={"name": "v4", "city": "Neu-Ulm", "phone": "1"})
    s.conflicts()


@scenario("initial-state-with-conflict-then-resolution", "The replica starts from a state-transferred record holding a name conflict; a resolution change arrives and ends it.",
          ["join", "resolution"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _conflict_base(s)
    office.pull(anna)
    s.initial(office.snapshot("acc1"))
    o2 = office.edit("account", "acc1", 7, Resolve("name", "Müller AG"))
    s.only_changes(o2)
    s.record("acc1", fields={"name": "Müller AG"})
    s.conflicts()


@scenario("initial-two-states-joined", "Two replicas' states of one record are joined (each holds its own concurrent rename): the join shows the conflict; a third replica's change to another field applies on top.",
          ["join", "same-field", "conflict"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _conflict_base(s)
    ben = s.replica("ben").pull(anna)
    b1 = ben.edit("account", "acc1", 9, Set("phone", "0711"))
    s.initial(anna.snapshot("acc1"), office.snapshot("acc1"))
    s.only_changes(b1)
    s.record("acc1", fields={"name": "Müller GmbH", "phone": "0711"})
    s.conflicts(F("acc1", "name", a2, [o1]))


@scenario("initial-superseded-blocks-late-change", "The initial state remembers that office:1 was overwritten (superseded, not yet compacted). office:1 arrives late: it must not come back.",
          ["join", "out-of-order"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    o1 = office.edit("account", "acc1", 1, Set("name", "v1"))
    anna.pull(office)
    anna.edit("account", "acc1", 2, Set("name", "v2"))
    state = anna.snapshot("acc1")
    assert slot_of(state, "name")["superseded"] == ["office:1"]
    s.initial(state)
    s.only_changes(o1)
    s.record("acc1", fields={"name": "v2"})
    s.conflicts()


@scenario("initial-overlaps-changes", "The initial state already contains some of the changes that are then delivered again: state join and change delivery agree (idempotent).",
          ["join", "duplicates"])
def _(s: Scenario):
    anna, office, a1, a2, o1 = _delete_edit_base(s)
    s.initial(anna.snapshot("acc1"))
    s.record("acc1", deleted=True, fields={"name": "Müller", "phone": "0711"})
    s.conflicts(DE("acc1", o1, [("phone", a2)]))


# ---------------------------------------------------------------------------
# Values


@scenario("unicode-values", "Non-ASCII values are carried byte for byte: umlauts, ß, CJK, emoji with a skin-tone modifier, right-to-left text and a decomposed (NFD) accent.",
          ["unicode"])
def _(s: Scenario):
    anna = s.replica("anna")
    anna.edit("account", "acc1", 1, Set("name", "Müller & Söhne GmbH"), Set("street", "Königstraße 1"),
              Set("note", "日本語のメモ"), Set("status", "👍🏽 Termin bestätigt"), Set("nameHe", "שלום"),
              Set("cafe", NFD("Café")))
    s.record("acc1", fields={"name": "Müller & Söhne GmbH", "street": "Königstraße 1", "note": "日本語のメモ",
                             "status": "👍🏽 Termin bestätigt", "nameHe": "שלום", "cafe": "Cafe\u0301"})
    s.conflicts()


@scenario("unicode-concurrent-values", "Concurrent 'Straße' and 'Strasse': different values (no case or compatibility folding), a conflict.",
          ["unicode", "same-field", "conflict"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 1, Set("street", "Hauptstr. 1"))
    office.pull(anna)
    a2 = anna.edit("account", "acc1", 2, Set("street", "Hauptstraße 1"))
    o1 = office.edit("account", "acc1", 3, Set("street", "Hauptstrasse 1"))
    s.record("acc1", fields={"street": "Hauptstrasse 1"})
    s.conflicts(F("acc1", "street", o1, [a2]))


@scenario("unicode-nfc-vs-nfd-values", "Anna writes 'Müller' precomposed (NFC, U+00FC) and the office concurrently writes it decomposed (NFD, u + U+0308). Values are JSON strings compared by their code points/bytes, so these are two distinct values: a conflict.",
          ["unicode", "same-field", "conflict", "normalization"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 1, Set("name", "Mueller"))
    office.pull(anna)
    a2 = anna.edit("account", "acc1", 3, Set("name", NFC("Müller")))
    o1 = office.edit("account", "acc1", 2, Set("name", NFD("Müller")))
    s.record("acc1", fields={"name": "M\u00fcller"})
    s.conflicts(F("acc1", "name", a2, [o1]))


@scenario("unicode-nfc-vs-nfd-set-elements", "Anna adds the tag 'Café' precomposed (NFC), the office the decomposed spelling (NFD). Slot paths differ byte for byte, so these are two set elements (NFD sorts first: 'e' 0x65 < 0xC3).",
          ["unicode", "sets", "normalization"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("contact", "c1", 1, Set("lastName", "Roux"))
    office.pull(anna)
    anna.edit("contact", "c1", 2, Add("tags", NFC("Café")))
    office.edit("contact", "c1", 3, Add("tags", NFD("Café")))
    s.record("c1", fields={"lastName": "Roux"}, sets={"tags": ["Cafe\u0301", "Caf\u00e9"]})
    s.conflicts()


@scenario("element-starting-with-combining-mark", "A set element that starts with a combining mark (U+0301). The slot path 'tags/\u0301x' has two segments when split at the '/' byte; the element is '\u0301x'.",
          ["unicode", "sets", "escaping"])
def _(s: Scenario):
    anna = s.replica("anna")
    anna.edit("contact", "c1", 1, Set("lastName", "Roux"), Add("tags", "\u0301x"))
    s.record("c1", fields={"lastName": "Roux"}, sets={"tags": ["\u0301x"]})
    s.conflicts()


@scenario("element-slash-before-combining-mark", "A set element 'a/' + U+0301: the '/' is escaped as %2F in the path ('tags/a%2F\u0301') and decoded back; escapes are matched on bytes, not on grapheme clusters.",
          ["unicode", "sets", "escaping"])
def _(s: Scenario):
    anna = s.replica("anna")
    c = anna.edit("contact", "c1", 1, Set("lastName", "Roux"), Add("tags", "a/\u0301"))
    assert c.json["ops"][1]["slot"] == "tags/a%2F\u0301"
    s.record("c1", fields={"lastName": "Roux"}, sets={"tags": ["a/\u0301"]})
    s.conflicts()


@scenario("null-write-clears-field", "Writing null clears a field: the field stays in the record with the winning value null.",
          ["null"])
def _(s: Scenario):
    anna = s.replica("anna")
    anna.edit("account", "acc1", 1, Set("name", "Müller"), Set("phone", "0711"))
    anna.edit("account", "acc1", 2, Set("phone", None))
    s.record("acc1", fields={"name": "Müller", "phone": None})
    s.conflicts()


@scenario("null-vs-value-concurrent", "Anna clears the phone while the office concurrently changes it: null is a value like any other; the later (Anna's null) wins and the office's number is the conflict side.",
          ["null", "same-field", "conflict"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 1, Set("name", "Müller"), Set("phone", "0711"))
    office.pull(anna)
    a2 = anna.edit("account", "acc1", 3, Set("phone", None))
    o1 = office.edit("account", "acc1", 2, Set("phone", "0711 5"))
    s.record("acc1", fields={"name": "Müller", "phone": None})
    s.conflicts(F("acc1", "phone", a2, [o1]))


@scenario("null-written-concurrently", "Both clear the same field concurrently: equal values, no conflict.",
          ["null", "equal-values"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 1, Set("name", "Müller"), Set("phone", "0711"))
    office.pull(anna)
    anna.edit("account", "acc1", 3, Set("phone", None))
    office.edit("account", "acc1", 2, Set("phone", None))
    s.record("acc1", fields={"name": "Müller", "phone": None})
    s.conflicts()


@scenario("value-types-distinct", "Concurrent 1 (integer), \"1\" (string) and true (boolean): three distinct values, a three-sided conflict.",
          ["values", "same-field", "conflict", "three-replicas"])
def _(s: Scenario):
    anna, office, ben = s.replicas("anna", "office", "ben")
    a1 = anna.edit("account", "acc1", 3, Set("rating", 1))
    o1 = office.edit("account", "acc1", 2, Set("rating", "1"))
    b1 = ben.edit("account", "acc1", 1, Set("rating", True))
    s.record("acc1", fields={"rating": 1})
    s.conflicts(F("acc1", "rating", a1, [o1, b1]))


@scenario("value-types-falsy", "Concurrent false, 0, \"\" and null: four distinct values.",
          ["values", "null", "same-field", "conflict"])
def _(s: Scenario):
    anna, office, ben, carla = s.replicas("anna", "office", "ben", "carla")
    a1 = anna.edit("account", "acc1", 4, Set("flag", False))
    o1 = office.edit("account", "acc1", 3, Set("flag", 0))
    b1 = ben.edit("account", "acc1", 2, Set("flag", ""))
    c1 = carla.edit("account", "acc1", 1, Set("flag", None))
    s.record("acc1", fields={"flag": False})
    s.conflicts(F("acc1", "flag", a1, [o1, b1, c1]))


@scenario("int64-extremes", "Integers are exact 64-bit values: min and max survive, and 2^53+1 vs 2^53 written concurrently are different values (a double-based JSON reader would merge them).",
          ["values", "conflict"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 1, Set("max", 9223372036854775807), Set("min", -9223372036854775808), Set("big", 0))
    office.pull(anna)
    a2 = anna.edit("account", "acc1", 3, Set("big", 9007199254740993))
    o1 = office.edit("account", "acc1", 2, Set("big", 9007199254740992))
    s.record("acc1", fields={"max": 9223372036854775807, "min": -9223372036854775808, "big": 9007199254740993})
    s.conflicts(F("acc1", "big", a2, [o1]))


# ---------------------------------------------------------------------------
# Several records


@scenario("multi-record-batch", "One batch touching an account, a contact and an opportunity: renames, a delete of the opportunity concurrent with an amount edit. Only the opportunity has a conflict.",
          ["multi-record", "delete-edit", "conflict"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("account", "acc1", 1, Set("name", "Müller"))
    anna.edit("contact", "con1", 2, Set("lastName", "Müller"), Set("accountId", "acc1"))
    anna.edit("opportunity", "opp1", 3, Set("title", "Hallendach"), Set("amount", "50000.00"), Set("accountId", "acc1"))
    office.pull(anna)
    office.edit("account", "acc1", 4, Set("name", "Müller Bau GmbH"))
    anna.edit("contact", "con1", 5, Set("email", "m@example.com"))
    a5 = anna.edit("opportunity", "opp1", 6, Set("amount", "55000.00"))
    o2 = office.edit("opportunity", "opp1", 7, Delete())
    s.record("acc1", fields={"name": "Müller Bau GmbH"}, entity="account")
    s.record("con1", fields={"lastName": "Müller", "accountId": "acc1", "email": "m@example.com"}, entity="contact")
    s.record("opp1", deleted=True, fields={"title": "Hallendach", "amount": "55000.00", "accountId": "acc1"},
             entity="opportunity")
    s.conflicts(DE("opp1", o2, [("amount", a5)]))


@scenario("multi-record-conflict-order", "Conflicts in three records, delivered in reverse: the conflict list is ordered by record ID, then slot ('city' < 'name').",
          ["multi-record", "conflict", "out-of-order"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    for rid in ("c-3", "a-1", "b-2"):
        anna.edit("account", rid, 1, Set("name", rid), Set("city", "x"))
    office.pull(anna)
    w = {}
    for rid in ("c-3", "a-1", "b-2"):
        w[rid, "a"] = anna.edit("account", rid, 3, Set("name", rid + " anna"), Set("city", "Ulm"))
        w[rid, "o"] = office.edit("account", rid, 2, Set("name", rid + " office"), Set("city", "Bonn"))
    s.deliver(*reversed(s.changes))
    for rid in ("a-1", "b-2", "c-3"):
        s.record(rid, fields={"name": rid + " anna", "city": "Ulm"})
    s.conflicts(*[F(rid, slot, w[rid, "a"], [w[rid, "o"]]) for rid in ("a-1", "b-2", "c-3") for slot in ("city", "name")])


@scenario("record-ids-differ-in-case", "Record IDs are ASCII and compared byte for byte: 'acc-A' and 'acc-a' (e.g. external IDs from a case-sensitive source system) are two records, each with its own name, and no conflict.",
          ["multi-record", "record-id"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("contact", "acc-A", 1, Set("lastName", "Dupont"))
    office.edit("contact", "acc-a", 2, Set("lastName", "Durand"))
    s.record("acc-A", fields={"lastName": "Dupont"})
    s.record("acc-a", fields={"lastName": "Durand"})
    s.conflicts()


@scenario("conflict-order-bytewise-record-ids", "Conflicts in six records ordered by record ID bytewise, not case-insensitively or by locale: '9lives' < 'ZULU' < '_tmp' < 'acc-1' < 'acc.1' < 'acc:1' (digits < upper case < '_' < lower case; '-' < '.' < ':').",
          ["multi-record", "conflict", "record-id"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    ids = ["acc:1", "_tmp", "acc.1", "ZULU", "9lives", "acc-1"]
    w = {}
    for rid in ids:
        w[rid, "a"] = anna.edit("account", rid, 2, Set("name", "anna"))
        w[rid, "o"] = office.edit("account", rid, 1, Set("name", "office"))
    ordered = sorted(ids, key=M.utf8)
    assert ordered == ["9lives", "ZULU", "_tmp", "acc-1", "acc.1", "acc:1"]
    for rid in ids:
        s.record(rid, fields={"name": "anna"})
    s.conflicts(*[F(rid, "name", w[rid, "a"], [w[rid, "o"]]) for rid in ordered])


# ---------------------------------------------------------------------------
# Clock, reserved names as data, state representation


@scenario("join-advances-clock", "The replica under test gets a record by state transfer whose newest entry is an hour ahead of its physical clock (t0 + 1 h). Joining moves its HLC past every time in the state, so its next local change at physical time t0 is stamped t0 + 1 h, logical 1, and sorts after what it received.",
          ["join", "clock"])
def _(s: Scenario):
    anna = s.replica("anna")
    anna.edit("account", "acc1", 1, Set("name", "Müller"))
    anna.edit("account", "acc1", 3600, Set("phone", "0711"))
    s.initial(anna.snapshot("acc1"))
    s.only_changes()
    s.record("acc1", fields={"name": "Müller", "phone": "0711"})
    s.conflicts()
    s.next_local_time(0, expect=at(3600, 1))


@scenario("reserved-names-as-elements", "Only field and member NAMES are reserved: '@deleted' and '@pos' are ordinary data as a set element or a list item ID ('tags/@deleted', 'lines/@pos', 'lines/@pos/@pos'). They neither delete the record nor count as fields.",
          ["sets", "lists", "reserved-names"])
def _(s: Scenario):
    anna = s.replica("anna")
    c = anna.edit("contact", "c1", 1, Set("lastName", "Roux"), Add("tags", "@deleted"), Add("tags", "@pos"),
                  Insert("lines", "@pos", "i", qty=1), Insert("lines", "@deleted", "r", qty=2))
    assert "lines/@pos/@pos" in [op["slot"] for op in c.json["ops"]]
    s.record("c1", fields={"lastName": "Roux"}, sets={"tags": ["@deleted", "@pos"]}, lists={"lines": ["@pos", "@deleted"]},
             members={"lines": {"@pos": {"qty": 1}, "@deleted": {"qty": 2}}})
    s.conflicts()


@scenario("set-remove-unseen-element", "The office removes a tag it never saw added (a removal that supersedes nothing). It changes nothing: the record state holds no register for 'tags/golf' at all (an empty register is not part of the state and is not written).",
          ["sets", "state"])
def _(s: Scenario):
    anna, office = s.replicas("anna", "office")
    anna.edit("contact", "c1", 1, Set("lastName", "Schmidt"))
    office.pull(anna)
    o1 = office.edit("contact", "c1", 2, Remove("tags", "golf"))
    assert o1.json["ops"] == [{"slot": "tags/golf", "remove": True}]
    s.record("c1", fields={"lastName": "Schmidt"}, sets={"tags": []})
    s.conflicts()


@scenario("stable-removal-leaves-no-register", "The frontier covers anna:2 (the tag's add). Anna's removal supersedes only that stable dot: the entry goes and the dot is not remembered (a stable change can only return as an ignored duplicate), so no register remains for 'tags/golf'; a late duplicate of the add is ignored.",
          ["stability", "sets", "state"])
def _(s: Scenario):
    anna = s.replica("anna")
    a1 = anna.edit("contact", "c1", 1, Set("lastName", "Schmidt"))
    a2 = anna.edit("contact", "c1", 2, Add("tags", "golf"))
    s.initial(anna.snapshot("c1", compact={"anna": 2}))
    a3 = anna.edit("contact", "c1", 3, Remove("tags", "golf"))
    assert a3.json["ops"] == [{"slot": "tags/golf", "remove": True, "supersedes": ["anna:2"]}]
    s.stable(anna=2)
    s.only_changes(a3, a2)
    s.record("c1", fields={"lastName": "Schmidt"}, sets={"tags": []})
    s.conflicts()
    assert a1


# ---------------------------------------------------------------------------
# Negative vectors: changes that decode but break a structural rule. The
# receiver refuses them (`expected.rejected`) and they leave no trace: no
# record, entry, superseded dot or clock movement.


def _refusal_base(s: Scenario):
    """Anna creates acc1; the office will send the broken changes."""
    anna, office = s.replicas("anna", "office")
    a1 = anna.edit("account", "acc1", 1, Set("name", "Müller"))
    return anna, office, a1


def _rename(a1, value: str = "Müller GmbH") -> dict:
    return {"slot": "name", "value": value, "supersedes": [a1]}


@scenario("reject-empty-ops", "A change without operations is refused, for an existing record and for a new one (acc2 is not created).",
          ["negative", "structure"])
def _(s: Scenario):
    anna, office, a1 = _refusal_base(s)
    o1 = office.forge("account", "acc1", 2, because="no operations")
    o2 = office.forge("account", "acc2", 3, because="no operations")
    s.record("acc1", fields={"name": "Müller"})
    s.conflicts()
    s.rejected(o1, o2)


@scenario("reject-record-id-charset", "Record IDs are 1-128 characters from A-Z a-z 0-9 _ - . : only. Changes for 'acc 1', 'acc/1', 'acc#1' and 'acc1\\n' are refused; a record named with every allowed punctuation character ('Az09_-.:x') is fine.",
          ["negative", "structure", "record-id"])
def _(s: Scenario):
    anna, office, a1 = _refusal_base(s)
    anna.edit("account", "Az09_-.:x", 2, Set("name", "Punctuation"))
    bad = [office.forge("account", rid, 3, {"slot": "name", "value": "x"}, because="record ID")
           for rid in ("acc 1", "acc/1", "acc#1", "acc1\n")]
    s.record("acc1", fields={"name": "Müller"})
    s.record("Az09_-.:x", fields={"name": "Punctuation"})
    s.conflicts()
    s.rejected(*bad)


@scenario("reject-record-id-non-ascii", "Non-ASCII record IDs are refused, whatever their normalisation: 'café-7' precomposed (NFC) and decomposed (NFD), and 'acc１' with a fullwidth digit. (IDs are ASCII so that every language and database compares them the same way.)",
          ["negative", "structure", "record-id", "unicode"])
def _(s: Scenario):
    anna, office, a1 = _refusal_base(s)
    bad = [office.forge("contact", rid, 2, {"slot": "lastName", "value": "Dupont"}, because="record ID")
           for rid in (NFC("café-7"), NFD("café-7"), "acc\uff11")]
    s.record("acc1", fields={"name": "Müller"})
    s.conflicts()
    s.rejected(*bad)


LONGEST_ID = ("AZaz09_-.:" * 13)[:128]


@scenario("reject-record-id-length", "Record IDs have 1 to 128 characters: the empty ID and a 129-character ID are refused; a 128-character ID is fine.",
          ["negative", "structure", "record-id", "limits"])
def _(s: Scenario):
    anna, office, a1 = _refusal_base(s)
    anna.edit("account", LONGEST_ID, 2, Set("name", "Longest"))
    bad = [office.forge("account", rid, 3, {"slot": "name", "value": "x"}, because="record ID")
           for rid in ("", LONGEST_ID + "x")]
    s.record("acc1", fields={"name": "Müller"})
    s.record(LONGEST_ID, fields={"name": "Longest"})
    s.conflicts()
    s.rejected(*bad)


LONGEST_ENTITY = "a" + ("b0_" * 21)


@scenario("reject-entity-name", "Entity names match [a-z][a-z0-9_]{0,63}: 'Account', '1account', 'sales-order', 'äccount', '' and a 65-character name are refused; a 64-character name is fine.",
          ["negative", "structure", "limits"])
def _(s: Scenario):
    anna, office, a1 = _refusal_base(s)
    assert len(LONGEST_ENTITY) == 64
    anna.edit(LONGEST_ENTITY, "e1", 2, Set("name", "Longest"))
    bad = [office.forge(entity, f"x{i}", 3, {"slot": "name", "value": "x"}, because="entity name")
           for i, entity in enumerate(("Account", "1account", "sales-order", "äccount", "", LONGEST_ENTITY + "c"))]
    s.record("acc1", fields={"name": "Müller"})
    s.record("e1", fields={"name": "Longest"}, entity=LONGEST_ENTITY)
    s.conflicts()
    s.rejected(*bad)


@scenario("reject-duplicate-slot", "A change writes each slot at most once: two renames of 'name' in one change, and an add plus a removal of the same tag in one change, are refused; Anna's name stays and is not superseded.",
          ["negative", "structure"])
def _(s: Scenario):
    anna, office, a1 = _refusal_base(s)
    o1 = office.forge("account", "acc1", 2, _rename(a1, "A"), _rename(a1, "B"), because="written twice")
    o2 = office.forge("account", "acc1", 3, {"slot": "tags/vip", "value": True}, {"slot": "tags/vip", "remove": True},
                      because="written twice")
    s.record("acc1", fields={"name": "Müller"})
    s.conflicts()
    s.rejected(o1, o2)


@scenario("reject-self-reference", "A change cannot supersede or cover its own dot: a rename superseding itself and a delete covering itself are refused.",
          ["negative", "structure"])
def _(s: Scenario):
    anna, office, a1 = _refusal_base(s)
    o1 = office.forge("account", "acc1", 2, {"slot": "name", "value": "x", "supersedes": [a1, SELF]},
                      because="supersede or cover itself")
    o2 = office.forge("account", "acc1", 3, {"slot": "@deleted", "value": True, "covers": [a1, SELF]},
                      because="supersede or cover itself")
    s.record("acc1", fields={"name": "Müller"})
    s.conflicts()
    s.rejected(o1, o2)


@scenario("reject-covers-outside-delete", "Only a write of @deleted = true may carry covers: covers on a plain field, on a restore (@deleted = false) and on a removal of @deleted are refused.",
          ["negative", "structure", "delete"])
def _(s: Scenario):
    anna, office, a1 = _refusal_base(s)
    o1 = office.forge("account", "acc1", 2, {"slot": "name", "value": "x", "supersedes": [a1], "covers": [a1]},
                      because="only a delete may carry covers")
    o2 = office.forge("account", "acc1", 3, {"slot": "@deleted", "value": False, "covers": [a1]},
                      because="only a delete may carry covers")
    o3 = office.forge("account", "acc1", 4, {"slot": "@deleted", "remove": True, "covers": [a1]},
                      because="only a delete may carry covers")
    s.record("acc1", fields={"name": "Müller"})
    s.conflicts()
    s.rejected(o1, o2, o3)


@scenario("reject-deleted-non-bool", "@deleted takes only true or false: writes of the string \"true\", the integer 1 and null are refused; the record stays live.",
          ["negative", "structure", "delete"])
def _(s: Scenario):
    anna, office, a1 = _refusal_base(s)
    bad = [office.forge("account", "acc1", 2 + i, {"slot": "@deleted", "value": v}, because="@deleted takes true or false")
           for i, v in enumerate(("true", 1, None))]
    s.record("acc1", fields={"name": "Müller"})
    s.conflicts()
    s.rejected(*bad)


@scenario("reject-whole-change", "A change with one valid op (a rename superseding Anna's name) and one broken op (@deleted = \"yes\"), stamped a day in the future, is refused as a whole: the name is neither superseded nor renamed, and the receiver's clock does not move (its next local change at t0 + 2 s is stamped t0 + 2 s).",
          ["negative", "structure", "atomic", "clock"])
def _(s: Scenario):
    anna, office, a1 = _refusal_base(s)
    o1 = office.forge("account", "acc1", 86400, _rename(a1), {"slot": "@deleted", "value": "yes"},
                      because="@deleted takes true or false")
    s.record("acc1", fields={"name": "Müller"})
    s.conflicts()
    s.rejected(o1)
    s.next_local_time(2, expect=at(2))


# ---------------------------------------------------------------------------
# Negative vectors: wire JSON that does not decode as a change
# (`rawChanges`, exact JSON text). Each differs from a valid change in one
# place, `at`, where decoding must fail.


def _template(**change) -> dict:
    """A valid change (anna:2 renaming acc1), with top-level keys replaced."""
    out = {"entity": "account", "record": "acc1", "dot": "anna:2", "time": at(2),
           "ops": [{"slot": "name", "value": "Müller GmbH", "supersedes": ["anna:1"]}]}
    out.update(change)
    return out


def _with_op(**op) -> dict:
    """The template with its op's keys replaced (a value of None drops the key)."""
    base = {"slot": "name", "value": "Müller GmbH", "supersedes": ["anna:1"]}
    base.update(op)
    return _template(ops=[{k: v for k, v in base.items() if v is not None}])


def _with_value_text(text: str) -> str:
    """The template as JSON text with the op's value written literally as `text`."""
    return json.dumps(_with_op(value="@@VALUE@@"), ensure_ascii=False).replace('"@@VALUE@@"', text)


def _raw_base(s: Scenario):
    anna = s.replica("anna")
    anna.edit("account", "acc1", 1, Set("name", "Müller"))
    M.validate_change(M.decode_change(_template()))  # the unmutated template is a valid change
    s.record("acc1", fields={"name": "Müller"})
    s.conflicts()


@scenario("undecodable-reserved-slot-names", "Names starting with '@' are reserved: the only valid ones are the field '@deleted' (alone) and the member '@pos'. '@owner', '@pos' as a field, '@deleted/x', 'lines/l1/@qty' and 'lines/l1/@deleted' do not decode; nor do names with '@' after the first character ('na@me', 'name@').",
          ["negative", "decoding", "slots", "reserved-names"])
def _(s: Scenario):
    _raw_base(s)
    for slot in ("@owner", "@pos", "@deleted/x", "lines/l1/@qty", "lines/l1/@deleted", "na@me", "name@"):
        s.undecodable(f"slot {slot!r}", _with_op(slot=slot, supersedes=None), "/ops/0/slot", "invalid slot")


@scenario("undecodable-slot-escapes", "In an element or item segment '%' may only start '%25' or '%2F' (upper-case F): 'tags/%zz', 'tags/%', 'tags/50%', 'tags/%2', 'tags/%2f' and 'tags/%20' do not decode.",
          ["negative", "decoding", "slots", "escaping"])
def _(s: Scenario):
    _raw_base(s)
    for slot in ("tags/%zz", "tags/%", "tags/50%", "tags/%2", "tags/%2f", "tags/%20"):
        s.undecodable(f"slot {slot!r}", _with_op(slot=slot, value=True, supersedes=None), "/ops/0/slot", "invalid slot")


@scenario("undecodable-slot-segments", "A slot path has 1 to 3 non-empty segments, names match [A-Za-z_@][A-Za-z0-9_]*: '', 'tags/' (empty element), '/golf', 'lines//qty', 'lines/l1/' (empty member), 'lines/l1/qty/x' (4 segments), '1name', 'na-me' and 'näme' do not decode.",
          ["negative", "decoding", "slots"])
def _(s: Scenario):
    _raw_base(s)
    for slot in ("", "tags/", "/golf", "lines//qty", "lines/l1/", "lines/l1/qty/x", "1name", "na-me", "näme"):
        s.undecodable(f"slot {slot!r}", _with_op(slot=slot, value=True, supersedes=None), "/ops/0/slot", "invalid slot")


@scenario("undecodable-dots", "A dot is 'replica:counter' with a counter from 1 to 2^63-1 in canonical decimal (no sign, no leading zero), wherever it appears: counter 0, '01', '+1', '-1', 2^63, '1.0', no colon, an empty or invalid replica ID do not decode; nor does a bad dot in supersedes or covers.",
          ["negative", "decoding", "dots"])
def _(s: Scenario):
    _raw_base(s)
    for dot in ("anna:0", "anna:01", "anna:+1", "anna:-1", "anna:9223372036854775808", "anna:1.0", "anna", ":2",
                "an na:2", "anna:"):
        s.undecodable(f"dot {dot!r}", _template(dot=dot), "/dot", "invalid dot")
    s.undecodable("supersedes ['anna:0']", _with_op(supersedes=["anna:0"]), "/ops/0/supersedes/0", "invalid dot")
    s.undecodable("delete covering 'anna:01'",
                  _template(ops=[{"slot": "@deleted", "value": True, "covers": ["anna:1", "anna:01"]}]),
                  "/ops/0/covers/1", "invalid dot")
    s.undecodable("largest counter 2^63-1 is valid, its replica ID is not",
                  _template(dot="änna:9223372036854775807"), "/dot", "invalid dot")


@scenario("undecodable-times", "A time is exactly 16 lower-case hex digits: upper-case hex, 15 or 17 digits, a '0x' prefix and a JSON number do not decode.",
          ["negative", "decoding", "clock"])
def _(s: Scenario):
    _raw_base(s)
    good = at(2)
    assert good.upper() != good
    for time in (good.upper(), good[1:], good + "0", "0x" + good[2:]):
        s.undecodable(f"time {time!r}", _template(time=time), "/time", "invalid HLC time")
    s.undecodable("time as a JSON number", _template(time=BASE_MILLIS + 2000), "/time", "expected a string")


@scenario("undecodable-values", "Values are JSON null, booleans, 64-bit integers or strings: 1.5, -0.5, 2^63, -2^63-1, an array and an object do not decode.",
          ["negative", "decoding", "values"])
def _(s: Scenario):
    _raw_base(s)
    for text in ("1.5", "-0.5", "9223372036854775808", "-9223372036854775809", "[1]", '{"amount": 1}'):
        because = "outside int64" if text.lstrip("-").isdigit() else "value must be"
        s.undecodable(f"value {text}", _with_value_text(text), "/ops/0/value", because)


@scenario("undecodable-integral-float-syntax", "Numbers written with a fraction or an exponent are floats on the wire, even when integral: 1.0, 1e2, 1E0 and -0.0 do not decode (no floats; a decoder must not turn them into integers, or implementations that keep the JSON number syntax would disagree).",
          ["negative", "decoding", "values"])
def _(s: Scenario):
    _raw_base(s)
    for text in ("1.0", "1e2", "1E0", "-0.0"):
        s.undecodable(f"value {text}", _with_value_text(text), "/ops/0/value", "value must be")


@scenario("undecodable-op-shape", "An op has exactly one of 'value' or '\"remove\": true': both, neither, '\"remove\": false' with or without a value, '\"remove\": 1' and '\"remove\": \"true\"' do not decode. ('\"value\": null' is a value.)",
          ["negative", "decoding"])
def _(s: Scenario):
    _raw_base(s)
    s.undecodable("value and remove", _with_op(remove=True), "/ops/0", "exactly one of")
    s.undecodable("neither value nor remove", _with_op(value=None), "/ops/0", "exactly one of")
    s.undecodable("remove false alone", _with_op(value=None, remove=False), "/ops/0", "exactly one of")
    s.undecodable("remove false with a value", _with_op(remove=False), "/ops/0", "exactly one of")
    s.undecodable("remove 1", _with_op(value=None, remove=1), "/ops/0/remove", "expected true")
    s.undecodable("remove \"true\"", _with_op(value=None, remove="true"), "/ops/0/remove", "expected true")


@scenario("undecodable-change-shape", "The change's own keys: a numeric record, a null entity, missing ops, ops as an object, an op that is not an object and an op without a slot do not decode.",
          ["negative", "decoding"])
def _(s: Scenario):
    _raw_base(s)
    s.undecodable("record 7", _template(record=7), "/record", "expected a string")
    s.undecodable("entity null", _template(entity=None), "/entity", "missing")
    no_ops = _template()
    del no_ops["ops"]
    s.undecodable("no ops", no_ops, "/ops", "array of operations")
    s.undecodable("ops as an object", _template(ops={"name": "x"}), "/ops", "array of operations")
    s.undecodable("op as a string", _template(ops=["name"]), "/ops/0", "JSON object")
    s.undecodable("op without slot", _with_op(slot=None), "/ops/0/slot", "missing")


# ---------------------------------------------------------------------------


WIDTH = 120


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def render(vector: dict) -> str:
    """JSON with small objects and arrays kept on one line. A vector holding any
    string that is not in NFC is written with \\u escapes, so that NFC and NFD
    spellings stay visibly different in an editor."""
    ascii_only = any(unicodedata.normalize("NFC", t) != t for t in _strings(vector))

    def fmt(obj, indent: int, prefix: int) -> str:
        one = json.dumps(obj, ensure_ascii=ascii_only)
        if not isinstance(obj, (dict, list)) or not obj or indent + prefix + len(one) <= WIDTH:
            return one
        pad = " " * (indent + 2)
        if isinstance(obj, dict):
            parts = []
            for k, v in obj.items():
                key = json.dumps(k, ensure_ascii=ascii_only)
                parts.append(f"{pad}{key}: {fmt(v, indent + 2, len(key) + 2)}")
            return "{\n" + ",\n".join(parts) + "\n" + " " * indent + "}"
        return "[\n" + ",\n".join(pad + fmt(v, indent + 2, 0) for v in obj) + "\n" + " " * indent + "]"

    return fmt(vector, 0, 0) + "\n"


HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    names = set()
    outputs = {}
    for number, (name, description, tags, fn) in enumerate(SCENARIOS, start=1):
        assert name not in names, name
        names.add(name)
        s = Scenario(name, description, tags)
        fn(s)
        vector = s.build()
        outputs[f"{number:03d}-{name}.json"] = render(vector)
    existing = {f for f in os.listdir(OUT) if f.endswith(".json") and f[:3].isdigit()}
    if check:
        stale = [f for f in sorted(existing | outputs.keys())
                 if f not in outputs or f not in existing or open(os.path.join(OUT, f), encoding="utf-8").read() != outputs[f]]
        if stale:
            print("vectors out of date (run generate_vectors.py):", ", ".join(stale))
            return 1
        print(f"{len(outputs)} vectors up to date")
        return 0
    for f in existing - outputs.keys():
        os.remove(os.path.join(OUT, f))
    for f, text in outputs.items():
        with open(os.path.join(OUT, f), "w", encoding="utf-8") as fh:
            fh.write(text)
    print(f"wrote {len(outputs)} vectors to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
