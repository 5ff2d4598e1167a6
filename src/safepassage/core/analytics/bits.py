"""Each multi-valued column of the fact table also as a bit mask: bit i set when the case's list
holds the column's i-th value. The release counts a list by summing bits over grouped rows in
one pass, where unnesting the lists first made six times as many rows to group (the counts of
a million-row release: 1.45 s unnested, see bench/analytics.py for today's figure).

The values are the table's own (sorted), kept in the schema's metadata, so a value the code
has never heard of still counts. A column with more values than a mask holds has no mask and
is counted by unnesting, as is a count that keeps fewer values per case than a list can hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import duckdb
import pyarrow as pa

SUFFIX = "_bits"
WIDTH = 63  # values a mask holds (UBIGINT, one bit spare)
KEY = b"safepassage.bits."  # + column name: the column's values in bit order, as JSON


def with_bits(table: pa.Table, columns: Iterable[str]) -> pa.Table:
    """`table` with a mask column after the rest for each of `columns` that has at most
    WIDTH distinct values, and each mask's values recorded in the schema."""
    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")
    con.register("facts", table)
    metadata = dict(table.schema.metadata or {})
    try:
        for name in columns:
            if f"{name}{SUFFIX}" in table.column_names:  # made again from the lists
                table = table.drop_columns([f"{name}{SUFFIX}"])
                metadata.pop(KEY + name.encode(), None)
            values = _values(con, name)
            if len(values) > WIDTH:
                continue
            table = table.append_column(f"{name}{SUFFIX}", _masks(con, name, values))
            metadata[KEY + name.encode()] = json.dumps(values).encode()
    finally:
        con.close()
    return table.replace_schema_metadata(metadata)


def _values(con: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    sql = f"SELECT DISTINCT unnest({name}) AS v FROM facts ORDER BY v"
    return [str(v) for (v,) in con.execute(sql).fetchall()]


def _masks(con: duckdb.DuckDBPyConnection, name: str, values: list[str]) -> pa.ChunkedArray:
    """One UBIGINT per row: the sum of 2^position over its list's distinct values."""
    sql = (
        f"SELECT coalesce(list_sum(list_transform(list_distinct({name}), lambda x: "
        f"(1::UBIGINT << (list_position(?, x) - 1)::UBIGINT))), 0)::UBIGINT AS m FROM facts"
    )
    found = con.sql(sql, params=[values]).to_arrow_table().column("m")
    return found if len(found) else pa.chunked_array([], pa.uint64())


def values_of(schema: pa.Schema, name: str) -> list[str] | None:
    """The values of `name`'s mask in bit order, or None if it has none."""
    raw = (schema.metadata or {}).get(KEY + name.encode())
    if raw is None or f"{name}{SUFFIX}" not in schema.names:
        return None
    return list(json.loads(raw))


def without_bits(schema: pa.Schema) -> pa.Schema:
    """The schema of the columns the masks are made from (for a table built elsewhere)."""
    kept = [f for f in schema if not f.name.endswith(SUFFIX)]
    return pa.schema(kept)
