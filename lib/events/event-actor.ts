/** Who acts on an organizer's events: the tenant (from withOrganizer / requireOrganizerPage) and the user. */
export interface EventActor {
  organizerId: string;
  userId: string;
}
