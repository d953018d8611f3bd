"use client";

import { createContext } from "react";
import { EMPTY_OBSTACLES, type ObstacleIndex } from "./edge-route";

/** The nodes' boxes for routing edges around them; replaced when nodes stop moving, not on each drag frame. */
export const EdgeObstaclesContext = createContext<ObstacleIndex>(EMPTY_OBSTACLES);
