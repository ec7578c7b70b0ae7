CREATE TABLE "packaged" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
