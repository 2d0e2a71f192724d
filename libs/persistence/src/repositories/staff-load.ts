/**
 * A counsellor's load: the sessions offered to them plus those they are talking in, which
 * is what `max_chats` bounds. The one definition of it, so the routing pass, the line's
 * numbers, the hand-over checks, the board and the metrics can never count it differently.
 *
 * A lateral join to put after `staff s` (the alias it reads); it adds `staff_load.load`,
 * `staff_load.active` and `staff_load.offered`. Its `state IN ('offered', 'active')` matches
 * the partial index `chat_session_counsellor`.
 */
export const STAFF_LOAD_JOIN = `CROSS JOIN LATERAL (
    SELECT count(*)::int AS load,
      count(*) FILTER (WHERE c.state = 'active')::int AS active,
      count(*) FILTER (WHERE c.state = 'offered')::int AS offered
    FROM chat_session c WHERE c.counsellor_id = s.id AND c.state IN ('offered', 'active')) staff_load`;
