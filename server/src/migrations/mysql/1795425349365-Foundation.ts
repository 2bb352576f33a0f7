import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Foundation1795425349365 implements MigrationInterface {
  name = 'Foundation1795425349365'

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`audit_log\` (\`id\` int NOT NULL AUTO_INCREMENT, \`actorUserId\` int NULL, \`action\` varchar(64) NOT NULL, \`targetType\` varchar(32) NOT NULL, \`targetId\` varchar(64) NOT NULL, \`detail\` text NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_audit_actor\` (\`actorUserId\`), INDEX \`ix_audit_target\` (\`targetType\`, \`targetId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`refresh_token\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`familyId\` varchar(32) NOT NULL, \`expiresAt\` datetime NOT NULL, \`revokedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_refresh_token_user\` (\`userId\`), UNIQUE INDEX \`uq_refresh_token_hash\` (\`tokenHash\`), INDEX \`ix_refresh_token_family\` (\`familyId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`invite\` (\`id\` int NOT NULL AUTO_INCREMENT, \`codeHash\` varchar(64) NOT NULL, \`role\` varchar(16) NOT NULL, \`placeId\` int NOT NULL, \`createdByUserId\` int NOT NULL, \`expiresAt\` datetime NOT NULL, \`usedByUserId\` int NULL, \`usedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_invite_code_hash\` (\`codeHash\`), INDEX \`ix_invite_creator\` (\`createdByUserId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`officer_profile\` (\`userId\` int NOT NULL, \`policeNumber\` varchar(12) NOT NULL, \`phone\` varchar(20) NOT NULL, \`photoUrl\` varchar(255) NULL, \`station\` varchar(60) NOT NULL, \`duties\` text NOT NULL, \`dutyHours\` text NOT NULL, \`onLeaveUntil\` datetime NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_officer_police_number\` (\`policeNumber\`), PRIMARY KEY (\`userId\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`building_lead\` (\`id\` int NOT NULL AUTO_INCREMENT, \`buildingId\` int NOT NULL, \`officerUserId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_building_lead_building\` (\`buildingId\`), INDEX \`ix_building_lead_officer\` (\`officerUserId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`duty_desk\` (\`id\` int NOT NULL AUTO_INCREMENT, \`placeId\` int NOT NULL, \`name\` varchar(60) NOT NULL, \`phone\` varchar(20) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_duty_desk_place\` (\`placeId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`place\` (\`id\` int NOT NULL AUTO_INCREMENT, \`parentId\` int NULL, \`level\` varchar(16) NOT NULL, \`name\` varchar(60) NOT NULL, \`code\` varchar(40) NULL, \`address\` varchar(200) NULL, \`districtId\` int NULL, \`streetId\` int NULL, \`communityId\` int NULL, \`gridId\` int NULL, \`buildingId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_place_code\` (\`code\`), INDEX \`ix_place_district\` (\`districtId\`), INDEX \`ix_place_street\` (\`streetId\`), INDEX \`ix_place_community\` (\`communityId\`), INDEX \`ix_place_grid\` (\`gridId\`), INDEX \`ix_place_building\` (\`buildingId\`), UNIQUE INDEX \`uq_place_parent_name\` (\`parentId\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`app_user\` (\`id\` int NOT NULL AUTO_INCREMENT, \`openid\` varchar(64) NOT NULL, \`role\` varchar(16) NOT NULL, \`name\` varchar(40) NOT NULL, \`scopePlaceId\` int NULL, \`wechatSessionKey\` varchar(255) NULL, \`disabledAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_user_openid\` (\`openid\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`residence\` (\`userId\` int NOT NULL, \`buildingId\` int NOT NULL, \`unitId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_residence_building\` (\`buildingId\`), PRIMARY KEY (\`userId\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`ix_residence_building\` ON \`residence\``)
    await q.query(`DROP TABLE \`residence\``)
    await q.query(`DROP INDEX \`uq_user_openid\` ON \`app_user\``)
    await q.query(`DROP TABLE \`app_user\``)
    await q.query(`DROP INDEX \`uq_place_parent_name\` ON \`place\``)
    await q.query(`DROP INDEX \`ix_place_building\` ON \`place\``)
    await q.query(`DROP INDEX \`ix_place_grid\` ON \`place\``)
    await q.query(`DROP INDEX \`ix_place_community\` ON \`place\``)
    await q.query(`DROP INDEX \`ix_place_street\` ON \`place\``)
    await q.query(`DROP INDEX \`ix_place_district\` ON \`place\``)
    await q.query(`DROP INDEX \`uq_place_code\` ON \`place\``)
    await q.query(`DROP TABLE \`place\``)
    await q.query(`DROP INDEX \`uq_duty_desk_place\` ON \`duty_desk\``)
    await q.query(`DROP TABLE \`duty_desk\``)
    await q.query(`DROP INDEX \`ix_building_lead_officer\` ON \`building_lead\``)
    await q.query(`DROP INDEX \`uq_building_lead_building\` ON \`building_lead\``)
    await q.query(`DROP TABLE \`building_lead\``)
    await q.query(`DROP INDEX \`uq_officer_police_number\` ON \`officer_profile\``)
    await q.query(`DROP TABLE \`officer_profile\``)
    await q.query(`DROP INDEX \`ix_invite_creator\` ON \`invite\``)
    await q.query(`DROP INDEX \`uq_invite_code_hash\` ON \`invite\``)
    await q.query(`DROP TABLE \`invite\``)
    await q.query(`DROP INDEX \`ix_refresh_token_family\` ON \`refresh_token\``)
    await q.query(`DROP INDEX \`uq_refresh_token_hash\` ON \`refresh_token\``)
    await q.query(`DROP INDEX \`ix_refresh_token_user\` ON \`refresh_token\``)
    await q.query(`DROP TABLE \`refresh_token\``)
    await q.query(`DROP INDEX \`ix_audit_target\` ON \`audit_log\``)
    await q.query(`DROP INDEX \`ix_audit_actor\` ON \`audit_log\``)
    await q.query(`DROP TABLE \`audit_log\``)
  }
}
