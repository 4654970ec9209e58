-- Statistics on when a charged order was sold (coalesce(paid_at, created_at), the metrics' time filter):
-- without them the planner guesses a range over the expression keeps 0.5% of an event's orders and joins
-- their items by index one order at a time (lib/reports/get-event-metrics.ts).
CREATE STATISTICS "tickets_orders_sold_at_stats" ON (COALESCE("paid_at", "created_at")) FROM "tickets_orders";
