// Helper functions of the MI data mapper (a copy the extension writes beside each mapping).
export function concat(...items: string[]): string {
    return items.join("");
}
