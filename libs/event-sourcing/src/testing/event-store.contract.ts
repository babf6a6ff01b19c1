import { describeAllReadsContract } from './contract/all-reads.contract';
import { describeAppendContract } from './contract/append.contract';
import type { ContractContext, ContractHarness, ContractOptions } from './contract/contract-context';
import { describeStreamReadsContract } from './contract/stream-reads.contract';
import { describeSubscriptionAndChainContract } from './contract/subscription-and-chain.contract';

export type { ContractHarness, ContractOptions } from './contract/contract-context';

/** The one contract suite every EventStore adapter runs, one part per responsibility. */
export function describeEventStoreContract(
  adapterName: string,
  makeHarness: () => Promise<ContractHarness>,
  options: ContractOptions = {},
): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let harness: ContractHarness | null = null;
    const ctx: ContractContext = {
      adapterName,
      options,
      get harness(): ContractHarness {
        if (!harness) throw new Error('the contract harness is made in beforeAll');
        return harness;
      },
      get store() {
        return this.harness.store;
      },
    };
    beforeAll(async () => {
      harness = await makeHarness();
    });
    afterAll(async () => harness?.teardown());

    describeAppendContract(ctx);
    describeStreamReadsContract(ctx);
    describeAllReadsContract(ctx);
    describeSubscriptionAndChainContract(ctx);
  });
}
