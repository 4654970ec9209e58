"use client";

import { useId, useMemo, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { TableFrame } from "@/components/ui/table-frame";
import { buttonClass, cx, ui } from "@/components/ui/styles";

export interface Column<Row> {
  id: string;
  header: string;
  cell: (row: Row) => React.ReactNode;
  /** Makes the column sortable by this value. */
  sortValue?: (row: Row) => string | number;
  /** Right-aligned (amounts, counts). */
  numeric?: boolean;
}

/**
 * A table of rows already on the client (a team, an event's tiers, devices): a search box over `searchText`,
 * sortable headers (aria-sort), and pages of `pageSize`. On phones it scrolls sideways inside its card
 * instead of widening the page. Lists too large for the client (orders) page on the server instead.
 */
export function DataTable<Row>({
  label,
  rows,
  columns,
  rowKey,
  searchText,
  searchLabel = "Search",
  pageSize = 25,
  empty,
  initialSort,
}: {
  label: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  searchText?: (row: Row) => string;
  searchLabel?: string;
  pageSize?: number;
  empty: React.ReactNode;
  initialSort?: { column: string; direction: "ascending" | "descending" };
}) {
  const searchId = useId();
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState(initialSort ?? null);
  const [page, setPage] = useState(0);

  const visible = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const matched =
      needle && searchText ? rows.filter((row) => searchText(row).toLowerCase().includes(needle)) : [...rows];
    const column = sort ? columns.find((c) => c.id === sort.column) : undefined;
    if (column?.sortValue) {
      const value = column.sortValue;
      const sign = sort!.direction === "ascending" ? 1 : -1;
      matched.sort((a, b) => {
        const [x, y] = [value(a), value(b)];
        return (
          (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y))) * sign
        );
      });
    }
    return matched;
  }, [rows, columns, query, searchText, sort]);

  const pageCount = Math.max(1, Math.ceil(visible.length / pageSize));
  const current = Math.min(page, pageCount - 1);
  const shown = visible.slice(current * pageSize, (current + 1) * pageSize);

  function toggleSort(column: string) {
    setSort((previous) =>
      previous?.column === column && previous.direction === "ascending"
        ? { column, direction: "descending" }
        : { column, direction: "ascending" },
    );
    setPage(0);
  }

  if (rows.length === 0) return <>{empty}</>;
  return (
    <div className="flex flex-col gap-3">
      {searchText ? (
        <div className={cx(ui.field, "max-w-sm")}>
          <label htmlFor={searchId}>{searchLabel}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setPage(0);
            }}
          />
        </div>
      ) : null}
      {visible.length === 0 ? (
        <EmptyState title={`Nothing matches “${query.trim()}”.`}>
          <button
            type="button"
            className={buttonClass({ variant: "ghost", size: "sm" })}
            onClick={() => setQuery("")}
          >
            Clear search
          </button>
        </EmptyState>
      ) : (
        <TableFrame label={label}>
          <table className={ui.table} aria-label={label}>
            <thead>
              <tr>
                {columns.map((column) => {
                  const direction = sort?.column === column.id ? sort.direction : undefined;
                  return (
                    <th
                      key={column.id}
                      scope="col"
                      aria-sort={column.sortValue ? (direction ?? "none") : undefined}
                      className={column.numeric ? "text-right" : undefined}
                    >
                      {column.sortValue ? (
                        <button
                          type="button"
                          className="inline-flex cursor-pointer items-center gap-1 font-semibold"
                          onClick={() => toggleSort(column.id)}
                        >
                          {column.header}
                          <span aria-hidden="true">
                            {direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        column.header
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((column) => (
                    <td key={column.id} className={column.numeric ? "text-right tabular-nums" : undefined}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      {pageCount > 1 ? (
        <nav aria-label={`${label} pages`} className={cx(ui.row, "justify-between")}>
          <button
            type="button"
            className={buttonClass({ variant: "secondary", size: "sm" })}
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            Previous
          </button>
          <span className={ui.hint}>
            Page {current + 1} of {pageCount} · {visible.length} rows
          </span>
          <button
            type="button"
            className={buttonClass({ variant: "secondary", size: "sm" })}
            disabled={current >= pageCount - 1}
            onClick={() => setPage(current + 1)}
          >
            Next
          </button>
        </nav>
      ) : null}
    </div>
  );
}
