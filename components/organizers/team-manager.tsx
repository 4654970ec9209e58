"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch, problemText } from "@/components/ui/api-client";
import { DataTable } from "@/components/ui/data-table";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { MEMBER_ROLES, ROLE_LABELS, type MemberRole } from "@/lib/auth/roles";
import { alertClass, badgeClass, buttonClass, cx, ui } from "@/components/ui/styles";

export interface TeamMember {
  id: string;
  email: string;
  role: MemberRole;
  pending: boolean;
}

const MEMBERS_KEY = ["organizer", "members"] as const;

export function TeamManager({
  initialMembers,
  canManage,
  currentUserEmail,
}: {
  initialMembers: TeamMember[];
  canManage: boolean;
  currentUserEmail: string;
}) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const members = useQuery({
    queryKey: MEMBERS_KEY,
    queryFn: () =>
      apiFetch<{ members: TeamMember[] }>("/api/tickets/organizers/members").then((r) => r.members),
    initialData: initialMembers,
  });

  const [email, setEmail] = useState("");
  const [role, setRole] = useState<MemberRole>("scanner");
  const [invited, setInvited] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: (body: { email: string; role: MemberRole }) =>
      apiFetch<TeamMember>("/api/tickets/organizers/members", { body }),
    onSuccess: (member) => {
      setInvited(member.email);
      setEmail("");
      void queryClient.invalidateQueries({ queryKey: MEMBERS_KEY });
    },
  });
  const inviteError = invite.error instanceof ApiError ? invite.error : null;
  const inviteFieldErrors = inviteError?.fieldErrors ?? {};

  const remove = useMutation({
    mutationFn: (member: TeamMember) =>
      apiFetch<void>(`/api/tickets/organizers/members/${encodeURIComponent(member.id)}`, {
        method: "DELETE",
      }),
    onSuccess: (_data, member) => {
      if (member.email === currentUserEmail) {
        router.push("/tickets/account");
        router.refresh();
        return;
      }
      void queryClient.invalidateQueries({ queryKey: MEMBERS_KEY });
    },
  });

  return (
    <div className={ui.stack}>
      <section className={cx(ui.card, ui.stack)}>
        <h2>Members</h2>
        {remove.isError ? (
          <p className={alertClass("error")} role="alert">
            {problemText(remove.error, "Could not remove that member.")}
          </p>
        ) : null}
        <DataTable
          label="Members"
          rows={members.data}
          rowKey={(m) => m.id}
          searchText={(m) => `${m.email} ${ROLE_LABELS[m.role]}`}
          searchLabel="Search members"
          initialSort={{ column: "email", direction: "ascending" }}
          empty={<EmptyState title="No members yet." />}
          columns={[
            {
              id: "email",
              header: "Email",
              sortValue: (m) => m.email,
              cell: (m) => (
                <>
                  {m.email}
                  {m.email === currentUserEmail ? <span className={ui.hint}> (you)</span> : null}
                </>
              ),
            },
            {
              id: "role",
              header: "Role",
              sortValue: (m) => ROLE_LABELS[m.role],
              cell: (m) => ROLE_LABELS[m.role],
            },
            {
              id: "status",
              header: "Status",
              sortValue: (m) => (m.pending ? 1 : 0),
              cell: (m) =>
                m.pending ? (
                  <span className={badgeClass("warn")}>Invited</span>
                ) : (
                  <span className={badgeClass("ok")}>Active</span>
                ),
            },
            ...(canManage
              ? [
                  {
                    id: "actions",
                    header: "Actions",
                    cell: (m: TeamMember) => (
                      <ConfirmDialog
                        title={m.pending ? `Withdraw the invitation for ${m.email}?` : `Remove ${m.email}?`}
                        description={
                          m.pending
                            ? "The invitation link stops working."
                            : "They lose access to this organizer at once."
                        }
                        confirmLabel={m.pending ? "Withdraw invitation" : "Remove member"}
                        onConfirm={() => remove.mutate(m)}
                        trigger={
                          <button
                            type="button"
                            className={buttonClass({ variant: "secondary", size: "sm" })}
                            disabled={remove.isPending}
                          >
                            {m.pending ? "Withdraw" : "Remove"}
                          </button>
                        }
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </section>

      {canManage ? (
        <form
          className={cx(ui.card, ui.stack)}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setInvited(null);
            invite.mutate({ email, role });
          }}
        >
          <h2>Invite someone</h2>
          <p className={ui.hint}>
            Managers run events, orders and refunds; scanners only check tickets in; owners also manage the
            team and payouts.
          </p>
          {invited ? (
            <p className={alertClass("ok")} role="status">
              Invitation sent to {invited}.
            </p>
          ) : null}
          {invite.isError && !inviteFieldErrors.email && !inviteFieldErrors.role ? (
            <p className={alertClass("error")} role="alert">
              {problemText(invite.error, "Could not send the invitation.")}
            </p>
          ) : null}
          <div className={ui.field}>
            <label htmlFor="invite-email">Email</label>
            <input
              id="invite-email"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={inviteFieldErrors.email ? true : undefined}
              aria-describedby={inviteFieldErrors.email ? "invite-email-error" : undefined}
            />
            {inviteFieldErrors.email ? (
              <p id="invite-email-error" className={ui.fieldError}>
                {inviteError?.problem.status === 409
                  ? inviteFieldErrors.email
                  : `Email ${inviteFieldErrors.email}`}
              </p>
            ) : null}
          </div>
          <div className={ui.field}>
            <label htmlFor="invite-role">Role</label>
            <select
              id="invite-role"
              value={role}
              onChange={(e) => setRole(e.target.value as MemberRole)}
              aria-invalid={inviteFieldErrors.role ? true : undefined}
            >
              {MEMBER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            {inviteFieldErrors.role ? <p className={ui.fieldError}>Role {inviteFieldErrors.role}</p> : null}
          </div>
          <button className={buttonClass()} type="submit" disabled={invite.isPending}>
            {invite.isPending ? "Sending…" : "Send invitation"}
          </button>
        </form>
      ) : null}
    </div>
  );
}
