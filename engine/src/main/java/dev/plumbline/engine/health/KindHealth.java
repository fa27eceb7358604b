package dev.plumbline.engine.health;

import com.fasterxml.jackson.databind.JsonNode;

/** The health rule of one kind, given the live object as the cluster reports it (status included). */
interface KindHealth {

    ObjectHealth assess(JsonNode live);
}
