import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

/** A fetched list's states: a skeleton, an empty state (unless loading failed), else the list itself. */
export function LoadedList({
  isPending,
  isError,
  count,
  loading,
  empty,
  emptyHint,
  children,
}: {
  isPending: boolean;
  isError: boolean;
  count: number;
  loading: string;
  empty: string;
  emptyHint?: React.ReactNode;
  children: React.ReactNode;
}) {
  if (isPending) return <Skeleton label={loading} />;
  if (count === 0) return isError ? null : <EmptyState title={empty}>{emptyHint}</EmptyState>;
  return children;
}
