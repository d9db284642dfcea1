#!/usr/bin/env python3
"""Checks every sync conformance vector against the Python reference merge.

For each Fixtures/sync-vectors/NNN-*.json:
  1. (when the `jsonschema` package is installed) validates it against
     vector.schema.json — optional, the check itself is stdlib only;
  2. joins `initial`, receives `changes` in `delivery` order (ignoring dots
     <= `stable`, refusing structurally invalid changes) and compares the
     result with `expected`: records, conflicts, the refused dots
     (`rejected`), the full record states, the next local clock reading;
     and checks that every `rawChanges` entry fails to decode where it says;
  3. re-runs the vector under 20 seeded random delivery permutations with
     random duplicates and requires exactly the same final state (and the
     same `expected` view).

Exits 0 when everything agrees, 1 with a message per mismatch otherwise.
Usage: python3 check_vectors.py [vector-dir]
"""

from __future__ import annotations

import json
import os
import random
import sys
import zlib

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import fieldbook_merge as M  # noqa: E402

PERMUTATIONS = 20


def vector_files(directory: str) -> list[str]:
    return sorted(
        f for f in os.listdir(directory)
        if f.endswith(".json") and not f.endswith(".schema.json") and f[:3].isdigit()
    )


def random_delivery(rng: random.Random, count: int) -> list[int]:
    """Every index at least once, shuffled, with some duplicated at random places."""
    order = list(range(count))
    rng.shuffle(order)
    for index in range(count):
        for _ in range(rng.choice((0, 0, 1, 2))):
            order.insert(rng.randrange(len(order) + 1), index)
    return order


def load_schema_validator(directory: str):
    try:
        import jsonschema  # type: ignore
    except ImportError:
        return None
    with open(os.path.join(directory, "vector.schema.json"), encoding="utf-8") as fh:
        schema = json.load(fh)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def check_file(path: str, validator) -> list[str]:
    name = os.path.basename(path)
    problems: list[str] = []
    with open(path, encoding="utf-8") as fh:
        vector = json.load(fh)
    if validator is not None:
        for error in sorted(validator.iter_errors(vector), key=lambda e: list(e.path)):
            location = "/".join(str(p) for p in error.path) or "(root)"
            problems.append(f"schema: {location}: {error.message}")
    expected_name = name[4:-5]
    if vector.get("name") != expected_name:
        problems.append(f"name {vector.get('name')!r} does not match file name ({expected_name!r})")
    count = len(vector["changes"])
    dots = [c.get("dot") for c in vector["changes"]]
    if len(set(dots)) != len(dots):
        problems.append("two changes share a dot (a dot names exactly one change)")
    for dot in vector["expected"].get("rejected", []):
        if dot not in dots:
            problems.append(f"rejected dot {dot} is not the dot of any change")
    delivery = vector.get("delivery", list(range(count)))
    if any(not isinstance(i, int) or not 0 <= i < count for i in delivery) or set(delivery) != set(range(count)):
        problems.append("delivery must list indices into changes and deliver every change at least once")
        return problems
    try:
        result = M.run_vector(vector)
    except M.SyncRuleError as error:
        return problems + [f"rejected by the reference: {error}"]
    problems += [f"given delivery {delivery}: {p}" for p in M.compare(vector, result)]
    reference_state = result.canonical()
    rng = random.Random(zlib.crc32(name.encode("utf-8")))
    for run in range(PERMUTATIONS):
        order = random_delivery(rng, count)
        other = M.run_vector(vector, order)
        if other.canonical() != reference_state:
            problems.append(f"delivery {order} (permutation {run}) ends in a different state than the given order")
        problems += [f"delivery {order} (permutation {run}): {p}" for p in M.compare(vector, other)]
        if problems:
            break
    return problems


def main(argv: list[str]) -> int:
    directory = argv[0] if argv else os.path.dirname(HERE)
    files = vector_files(directory)
    if not files:
        print(f"check_vectors: no vectors found in {directory}", file=sys.stderr)
        return 1
    validator = load_schema_validator(directory)
    failed = 0
    for name in files:
        problems = check_file(os.path.join(directory, name), validator)
        if problems:
            failed += 1
            print(f"FAIL {name}", file=sys.stderr)
            for p in problems:
                print(f"  {p}", file=sys.stderr)
    schema_note = "schema-validated" if validator is not None else "schema not validated (jsonschema not installed)"
    if failed:
        print(f"check_vectors: {failed} of {len(files)} vectors FAILED ({schema_note})", file=sys.stderr)
        return 1
    print(f"check_vectors: {len(files)} vectors pass, each also under {PERMUTATIONS} random deliveries with duplicates ({schema_note})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
