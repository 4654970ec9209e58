"use client";

import { useQueryClient } from "@tanstack/react-query";

/** The cached value before an optimistic change, handed from onMutate to onError. */
export interface OptimisticContext<T> {
  previous: T | undefined;
}

/** Optimistic updates to one cached query: change it at once, roll it back if the server refuses. */
export function useOptimisticCache<T>(queryKey: readonly unknown[]) {
  const queryClient = useQueryClient();
  return {
    /** Applies `change` to the cached value (if any); returns the value to roll back to. */
    async apply(change: (data: T) => T): Promise<OptimisticContext<T>> {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<T>(queryKey);
      if (previous) queryClient.setQueryData<T>(queryKey, change(previous));
      return { previous };
    },
    rollback(context: OptimisticContext<T> | undefined) {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
    },
  };
}
