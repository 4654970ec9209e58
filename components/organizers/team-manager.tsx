"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch, problemText } from "@/components/ui/api-client";
import { MEMBER_ROLES, ROLE_LABELS, type MemberRole } from "@/lib/auth/roles";

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
    <div className="stack">
      <section className="card stack">
        <h2>Members</h2>
        {remove.isError ? (
          <p className="alert error" role="alert">
            {problemText(remove.error, "Could not remove that member.")}
          </p>
        ) : null}
        <table className="data">
          <thead>
            <tr>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              {canManage ? <th aria-label="Actions" /> : null}
            </tr>
          </thead>
          <tbody>
            {members.data.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.email}
                  {m.email === currentUserEmail ? <span className="small muted"> (you)</span> : null}
                </td>
                <td>{ROLE_LABELS[m.role]}</td>
                <td>
                  {m.pending ? (
                    <span className="badge warn">Invited</span>
                  ) : (
                    <span className="badge ok">Active</span>
                  )}
                </td>
                {canManage ? (
                  <td>
                    <button
                      type="button"
                      className="btn secondary small"
                      disabled={remove.isPending}
                      onClick={() => {
                        const what = m.pending
                          ? `Withdraw the invitation for ${m.email}?`
                          : `Remove ${m.email} from the team?`;
                        if (window.confirm(what)) remove.mutate(m);
                      }}
                    >
                      {m.pending ? "Withdraw" : "Remove"}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {canManage ? (
        <form
          className="card stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setInvited(null);
            invite.mutate({ email, role });
          }}
        >
          <h2>Invite someone</h2>
          <p className="small muted">
            Managers run events, orders and refunds; scanners only check tickets in; owners also manage the
            team and payouts.
          </p>
          {invited ? (
            <p className="alert ok" role="status">
              Invitation sent to {invited}.
            </p>
          ) : null}
          {invite.isError && !inviteFieldErrors.email && !inviteFieldErrors.role ? (
            <p className="alert error" role="alert">
              {problemText(invite.error, "Could not send the invitation.")}
            </p>
          ) : null}
          <div className="field">
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
              <p id="invite-email-error" className="field-error">
                {inviteError?.problem.status === 409
                  ? inviteFieldErrors.email
                  : `Email ${inviteFieldErrors.email}`}
              </p>
            ) : null}
          </div>
          <div className="field">
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
            {inviteFieldErrors.role ? <p className="field-error">Role {inviteFieldErrors.role}</p> : null}
          </div>
          <button className="btn" type="submit" disabled={invite.isPending}>
            {invite.isPending ? "Sending…" : "Send invitation"}
          </button>
        </form>
      ) : null}
    </div>
  );
}
