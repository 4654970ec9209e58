/** A fetched list's states: a loading line, an empty line (unless loading failed), else the list itself. */
export function LoadedList({
  isPending,
  isError,
  count,
  loading,
  empty,
  children,
}: {
  isPending: boolean;
  isError: boolean;
  count: number;
  loading: string;
  empty: string;
  children: React.ReactNode;
}) {
  if (isPending) return <p className="muted">{loading}</p>;
  if (count === 0) return isError ? null : <p className="muted">{empty}</p>;
  return children;
}
