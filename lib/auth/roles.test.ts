import { describe, expect, it } from "vitest";
import { isMemberRole, roleAllows, ROLES } from "@/lib/auth/roles";

describe("organizer roles", () => {
  it("owners can do everything", () => {
    for (const allowed of Object.values(ROLES)) expect(roleAllows("owner", allowed)).toBe(true);
  });

  it("managers run events but not the team", () => {
    expect(roleAllows("manager", ROLES.manage)).toBe(true);
    expect(roleAllows("manager", ROLES.checkIn)).toBe(true);
    expect(roleAllows("manager", ROLES.owner)).toBe(false);
  });

  it("scanners only check in", () => {
    expect(roleAllows("scanner", ROLES.checkIn)).toBe(true);
    expect(roleAllows("scanner", ROLES.any)).toBe(true);
    expect(roleAllows("scanner", ROLES.manage)).toBe(false);
    expect(roleAllows("scanner", ROLES.team)).toBe(false);
    expect(roleAllows("scanner", ROLES.owner)).toBe(false);
  });

  it("recognises only the three roles", () => {
    expect(["owner", "manager", "scanner"].every(isMemberRole)).toBe(true);
    expect(["admin", "Owner", "", null, 1].some(isMemberRole)).toBe(false);
  });
});
