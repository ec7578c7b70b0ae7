INSERT INTO "packaged" ("name") VALUES ('from the jar');
--> statement-breakpoint
CREATE INDEX "idx_packaged_name" ON "packaged" ("name");
