import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Foundation1795425349365 implements MigrationInterface {
  name = 'Foundation1795425349365'

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actorUserId" integer, "action" varchar(64) NOT NULL, "targetType" varchar(32) NOT NULL, "targetId" varchar(64) NOT NULL, "detail" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE INDEX "ix_audit_actor" ON "audit_log" ("actorUserId") `)
    await q.query(`CREATE INDEX "ix_audit_target" ON "audit_log" ("targetType", "targetId") `)
    await q.query(
      `CREATE TABLE "refresh_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "userId" integer NOT NULL, "tokenHash" varchar(64) NOT NULL, "familyId" varchar(32) NOT NULL, "expiresAt" datetime NOT NULL, "revokedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE INDEX "ix_refresh_token_user" ON "refresh_token" ("userId") `)
    await q.query(`CREATE UNIQUE INDEX "uq_refresh_token_hash" ON "refresh_token" ("tokenHash") `)
    await q.query(`CREATE INDEX "ix_refresh_token_family" ON "refresh_token" ("familyId") `)
    await q.query(
      `CREATE TABLE "invite" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "codeHash" varchar(64) NOT NULL, "role" varchar(16) NOT NULL, "placeId" integer NOT NULL, "createdByUserId" integer NOT NULL, "expiresAt" datetime NOT NULL, "usedByUserId" integer, "usedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_invite_code_hash" ON "invite" ("codeHash") `)
    await q.query(`CREATE INDEX "ix_invite_creator" ON "invite" ("createdByUserId") `)
    await q.query(
      `CREATE TABLE "officer_profile" ("userId" integer PRIMARY KEY NOT NULL, "policeNumber" varchar(12) NOT NULL, "phone" varchar(20) NOT NULL, "photoUrl" varchar(255), "station" varchar(60) NOT NULL, "duties" text NOT NULL, "dutyHours" text NOT NULL, "onLeaveUntil" datetime, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_officer_police_number" ON "officer_profile" ("policeNumber") `)
    await q.query(
      `CREATE TABLE "building_lead" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "buildingId" integer NOT NULL, "officerUserId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_building_lead_building" ON "building_lead" ("buildingId") `)
    await q.query(`CREATE INDEX "ix_building_lead_officer" ON "building_lead" ("officerUserId") `)
    await q.query(
      `CREATE TABLE "duty_desk" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "placeId" integer NOT NULL, "name" varchar(60) NOT NULL, "phone" varchar(20) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_duty_desk_place" ON "duty_desk" ("placeId") `)
    await q.query(
      `CREATE TABLE "place" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parentId" integer, "level" varchar(16) NOT NULL, "name" varchar(60) NOT NULL, "code" varchar(40), "address" varchar(200), "districtId" integer, "streetId" integer, "communityId" integer, "gridId" integer, "buildingId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_place_code" ON "place" ("code") `)
    await q.query(`CREATE INDEX "ix_place_district" ON "place" ("districtId") `)
    await q.query(`CREATE INDEX "ix_place_street" ON "place" ("streetId") `)
    await q.query(`CREATE INDEX "ix_place_community" ON "place" ("communityId") `)
    await q.query(`CREATE INDEX "ix_place_grid" ON "place" ("gridId") `)
    await q.query(`CREATE INDEX "ix_place_building" ON "place" ("buildingId") `)
    await q.query(`CREATE UNIQUE INDEX "uq_place_parent_name" ON "place" ("parentId", "name") `)
    await q.query(
      `CREATE TABLE "app_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64) NOT NULL, "role" varchar(16) NOT NULL, "name" varchar(40) NOT NULL, "scopePlaceId" integer, "wechatSessionKey" varchar(255), "disabledAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_user_openid" ON "app_user" ("openid") `)
    await q.query(
      `CREATE TABLE "residence" ("userId" integer PRIMARY KEY NOT NULL, "buildingId" integer NOT NULL, "unitId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE INDEX "ix_residence_building" ON "residence" ("buildingId") `)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_residence_building"`)
    await q.query(`DROP TABLE "residence"`)
    await q.query(`DROP INDEX "uq_user_openid"`)
    await q.query(`DROP TABLE "app_user"`)
    await q.query(`DROP INDEX "uq_place_parent_name"`)
    await q.query(`DROP INDEX "ix_place_building"`)
    await q.query(`DROP INDEX "ix_place_grid"`)
    await q.query(`DROP INDEX "ix_place_community"`)
    await q.query(`DROP INDEX "ix_place_street"`)
    await q.query(`DROP INDEX "ix_place_district"`)
    await q.query(`DROP INDEX "uq_place_code"`)
    await q.query(`DROP TABLE "place"`)
    await q.query(`DROP INDEX "uq_duty_desk_place"`)
    await q.query(`DROP TABLE "duty_desk"`)
    await q.query(`DROP INDEX "ix_building_lead_officer"`)
    await q.query(`DROP INDEX "uq_building_lead_building"`)
    await q.query(`DROP TABLE "building_lead"`)
    await q.query(`DROP INDEX "uq_officer_police_number"`)
    await q.query(`DROP TABLE "officer_profile"`)
    await q.query(`DROP INDEX "ix_invite_creator"`)
    await q.query(`DROP INDEX "uq_invite_code_hash"`)
    await q.query(`DROP TABLE "invite"`)
    await q.query(`DROP INDEX "ix_refresh_token_family"`)
    await q.query(`DROP INDEX "uq_refresh_token_hash"`)
    await q.query(`DROP INDEX "ix_refresh_token_user"`)
    await q.query(`DROP TABLE "refresh_token"`)
    await q.query(`DROP INDEX "ix_audit_target"`)
    await q.query(`DROP INDEX "ix_audit_actor"`)
    await q.query(`DROP TABLE "audit_log"`)
  }
}
